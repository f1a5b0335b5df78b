"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { CodeEditor, type EditorDiagnostic } from "@/components/code-editor/code-editor";
import { SaveStatus } from "@/components/ui/save-status";
import { UnsavedChangesGuard } from "@/components/ui/unsaved-changes-guard";
import { useEditorShortcuts } from "@/components/ui/use-editor-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/hooks/api-fetch";
import { useCreateComponent, useUpdateComponent, type Component, type ComponentCsp, type ComponentKind } from "@/lib/hooks/use-components";
import { ComponentPreview } from "./component-preview";
import { CspFields, type CspKey } from "./csp-fields";
import { DeleteComponentDialog } from "./delete-component-dialog";
import { STARTER_HTML, STARTER_PREVIEW_DATA, STARTER_TSX } from "./starter-html";

const COMPONENT_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
// The server's TSX compile error: "component.tsx:LINE:COLUMN: message" (lib/components/components.ts).
const COMPILE_ERROR = /^component\.tsx:(\d+):(\d+): ([\s\S]*)$/;

type Draft = { name: string; kind: ComponentKind; html: string; source: string; csp: ComponentCsp; prefersBorder: boolean };
type Errors = Partial<Record<"name" | "html" | "form" | CspKey, string>> & { compile?: EditorDiagnostic };

function serverErrors(error: unknown): Errors {
  const compile = error instanceof ApiError ? COMPILE_ERROR.exec(error.message) : null;
  if (compile) {
    return {
      html: error instanceof Error ? error.message : "",
      compile: { line: Number(compile[1]), column: Number(compile[2]), message: compile[3] },
    };
  }
  if (!(error instanceof ApiError) || error.fields.length === 0) return { form: errorMessage(error) };
  const errors: Errors = {};
  for (const { field, message } of error.fields) {
    const [top, key] = field.split(".");
    if (top === "name") errors.name = `Name ${message}`;
    else if (top === "html") errors.html = `HTML ${message}`;
    else if (top === "csp" && key) errors[key as CspKey] = `Each entry ${message}`;
    else errors.form = error.message;
  }
  return errors;
}

/** Create or edit a component: HTML, CSP domains, and a live preview. */
export function ComponentEditor({
  org,
  project,
  initial,
  canEdit,
  sampleData = STARTER_PREVIEW_DATA,
}: {
  org: string;
  project: string;
  initial?: Component;
  canEdit: boolean;
  /** What the preview sends as structuredContent at first: a preset of a tool that renders it, when there is one. */
  sampleData?: Record<string, unknown>;
}) {
  const router = useRouter();
  const listHref = `/orgs/${org}/projects/${project}/components`;
  const createComponent = useCreateComponent(org, project);
  const updateComponent = useUpdateComponent(org, project, initial?.name ?? "");
  const [baseline, setBaseline] = useState<Draft>(() => ({
    name: initial?.name ?? "",
    kind: initial?.kind ?? "html",
    html: initial ? (initial.kind === "html" ? initial.html : "") : STARTER_HTML,
    source: initial ? initial.source : STARTER_TSX,
    csp: initial?.csp ?? {},
    prefersBorder: initial?.prefersBorder ?? true,
  }));
  const [draft, setDraft] = useState(baseline);
  const [errors, setErrors] = useState<Errors>({});
  const saving = createComponent.isPending || updateComponent.isPending;
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);

  const save = useCallback(() => {
    if (!canEdit || saving) return;
    if (!initial && !COMPONENT_NAME.test(draft.name)) {
      setErrors({ name: "Name must start with a lowercase letter, then lowercase letters, digits, _ or - (max 64)" });
      return;
    }
    setErrors({});
    const submitted = draft;
    const input =
      draft.kind === "tsx"
        ? { kind: draft.kind, source: draft.source, csp: draft.csp, prefersBorder: draft.prefersBorder }
        : { kind: draft.kind, html: draft.html, csp: draft.csp, prefersBorder: draft.prefersBorder };
    if (!initial) {
      createComponent.mutate(
        { name: draft.name, ...input },
        {
          onSuccess: (created) => router.push(`${listHref}/${created.name}`),
          onError: (error) => setErrors(serverErrors(error)),
        },
      );
      return;
    }
    updateComponent.mutate(input, {
      onSuccess: (saved) => {
        const next = { ...submitted, name: saved.name, csp: saved.csp, prefersBorder: saved.prefersBorder };
        setBaseline(next);
        setDraft((current) => (JSON.stringify(current) === JSON.stringify(submitted) ? next : current));
      },
      onError: (error) => setErrors(serverErrors(error)),
    });
  }, [canEdit, saving, initial, draft, createComponent, updateComponent, router, listHref]);

  useEditorShortcuts({ onSave: save });

  return (
    <main className="space-y-5">
      <UnsavedChangesGuard dirty={dirty} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0 space-y-1">
          <Link href={listHref} className="text-sm text-muted hover:text-fg hover:underline">
            ← Components
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate font-mono text-lg font-semibold sm:text-xl">{initial ? initial.name : "New component"}</h2>
            {!canEdit && <Badge>Read-only</Badge>}
          </div>
        </div>
        {canEdit && (
          <div className="flex flex-wrap items-center gap-3">
            {initial && <SaveStatus dirty={dirty} saving={saving} />}
            {initial && <DeleteComponentDialog org={org} project={project} name={initial.name} listHref={listHref} />}
            <Button variant="primary" onClick={save} loading={saving} aria-keyshortcuts="Control+S Meta+S">
              {initial ? "Save" : "Create component"}
            </Button>
          </div>
        )}
      </div>

      {errors.form && (
        <Alert tone="danger" title="Not saved">
          {errors.form}
        </Alert>
      )}

      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-label="Component source" className="min-w-0 space-y-5 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
          {!initial && (
            <Field label="Component name" hint={`Hosts load it as ui://${project}/${draft.name || "name"}.`} error={errors.name}>
              {(control) => (
                <Input
                  {...control}
                  value={draft.name}
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono"
                  placeholder="weather-card"
                  onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                />
              )}
            </Field>
          )}
          {!initial && (
            <fieldset className="inline-flex rounded-control border border-line-strong p-0.5 text-xs">
              <legend className="sr-only">Written as</legend>
              {(["html", "tsx"] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  aria-pressed={draft.kind === kind}
                  onClick={() => setDraft((current) => ({ ...current, kind }))}
                  className={
                    draft.kind === kind
                      ? "rounded-[calc(var(--radius-control)-2px)] bg-fg px-2.5 py-1 font-medium text-white"
                      : "rounded-[calc(var(--radius-control)-2px)] px-2.5 py-1 font-medium text-muted hover:text-fg"
                  }
                >
                  {kind === "html" ? "HTML" : "TSX (React)"}
                </button>
              ))}
            </fieldset>
          )}
          {draft.kind === "html" ? (
            <div className="space-y-1.5">
              <p className="text-sm font-medium">HTML</p>
              <CodeEditor
                key="html"
                language="html"
                label="HTML"
                value={draft.html}
                onChange={(html) => setDraft((current) => ({ ...current, html }))}
                readOnly={!canEdit}
                invalid={Boolean(errors.html)}
                minHeight="20rem"
                maxHeight="36rem"
              />
              {errors.html && <p className="text-xs font-medium text-danger">{errors.html}</p>}
              <p className="text-xs text-muted">
                A complete document. Use the App client Atelier inlines as <code className="font-mono">window.McpApps</code> to receive the
                tool input and result, call tools and send messages.
              </p>
            </div>
          ) : (
            <div className="space-y-1.5">
              <p className="text-sm font-medium">TSX</p>
              <CodeEditor
                key="tsx"
                language="tsx"
                label="TSX"
                value={draft.source}
                onChange={(source) => setDraft((current) => ({ ...current, source }))}
                readOnly={!canEdit}
                invalid={Boolean(errors.compile)}
                diagnostics={errors.compile ? [errors.compile] : []}
                minHeight="20rem"
                maxHeight="36rem"
              />
              {errors.html && (
                <p role="alert" className="text-xs font-medium text-danger">
                  Not compiled: {errors.html}
                </p>
              )}
              <p className="text-xs text-muted">
                A module that default-exports a React component; it receives{" "}
                <code className="font-mono">{"{ input, result, hostContext, app }"}</code>. Compiled with esbuild when you save, React and
                the App client inlined.
              </p>
            </div>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.prefersBorder}
              disabled={!canEdit}
              onChange={(event) => setDraft((current) => ({ ...current, prefersBorder: event.target.checked }))}
            />
            Ask hosts for a border and background (<code className="font-mono">prefersBorder</code>)
          </label>
          <CspFields csp={draft.csp} onChange={(csp) => setDraft((current) => ({ ...current, csp }))} readOnly={!canEdit} errors={errors} />
        </section>
        <section aria-label="Preview" className="min-w-0 self-start rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
          <h3 className="mb-3 text-base font-semibold">Live preview</h3>
          <ComponentPreview
            name={draft.name}
            kind={draft.kind}
            text={draft.kind === "tsx" ? draft.source : draft.html}
            csp={draft.csp}
            sampleData={sampleData}
          />
        </section>
      </div>
    </main>
  );
}
