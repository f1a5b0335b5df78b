"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { EditorDiagnostic } from "@/components/code-editor/code-editor";
import { TestPanel } from "@/components/test-panel/test-panel";
import { UnsavedChangesGuard } from "@/components/ui/unsaved-changes-guard";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ApiError, apiFetch } from "@/lib/hooks/api-fetch";
import { useTool, useUpdateTool, type Tool } from "@/lib/hooks/use-tools";
import { AllowedDomainsTab } from "./allowed-domains-tab";
import { CodeTab } from "./code-tab";
import { ComponentTab } from "./component-tab";
import { DeleteToolDialog } from "./delete-tool-dialog";
import { DetailsTab } from "./details-tab";
import { DiscardChangesDialog } from "./discard-changes-dialog";
import { EditorSplit } from "./editor-split";
import { SaveStatus } from "@/components/ui/save-status";
import { SchemaTab } from "./schema-tab";
import { SecretsTab } from "./secrets-tab";
import { Tabs, type TabItem } from "./tabs";
import { draftFromTool, draftToUpdate, sameDraft, saveErrors, type DraftErrors, type ToolDraft } from "./tool-draft";
import { useEditorShortcuts } from "@/components/ui/use-editor-shortcuts";

type TabId = "code" | "schema" | "details" | "secrets" | "domains" | "component";

const TAB_OF_FIELD: Record<keyof DraftErrors, TabId | null> = {
  name: "details",
  handler: "code",
  inputSchema: "schema",
  outputSchema: "schema",
  title: "details",
  description: "details",
  annotations: "details",
  timeoutMs: "details",
  memoryMb: "details",
  allowedDomains: "domains",
  component: "component",
  allowedComponents: "component",
  visibility: "details",
  form: null,
};

function firstTabWithError(errors: DraftErrors): TabId | null {
  for (const field of Object.keys(errors) as (keyof DraftErrors)[]) {
    if (TAB_OF_FIELD[field]) return TAB_OF_FIELD[field];
  }
  return null;
}

export type ToolEditorProps = {
  org: string;
  project: string;
  initialTool: Tool;
  componentNames: string[];
  canEdit: boolean;
};

/**
 * The tool page: the editor (one explicit Save, also Ctrl/Cmd+S) beside the test panel, which
 * always runs the saved draft through the real draft endpoint.
 */
export function ToolEditor({ org, project, initialTool, componentNames, canEdit }: ToolEditorProps) {
  const router = useRouter();
  const { data: tool = initialTool } = useTool(org, project, initialTool.name, { initialData: initialTool });
  const updateTool = useUpdateTool(org, project, tool.name);
  const [baseline, setBaseline] = useState(() => draftFromTool(initialTool));
  const [draft, setDraft] = useState(baseline);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [diagnostic, setDiagnostic] = useState<EditorDiagnostic | undefined>();
  const [tab, setTab] = useState<TabId>(tool.kind === "data" ? "code" : "schema");
  const dirty = !sameDraft(draft, baseline);
  const base = `/orgs/${org}/projects/${project}`;
  const listHref = `${base}/${tool.kind === "data" ? "data-tools" : "ui-tools"}`;

  const change = useCallback((patch: Partial<ToolDraft>) => setDraft((current) => ({ ...current, ...patch })), []);

  const save = useCallback(() => {
    if (!canEdit || updateTool.isPending) return;
    const { update, errors: invalid } = draftToUpdate(draft, tool.kind);
    setErrors(invalid);
    setDiagnostic(undefined);
    if (!update) {
      setTab((current) => firstTabWithError(invalid) ?? current);
      return;
    }
    const submitted = draft;
    const renaming = update.name !== tool.name;
    updateTool.mutate(update, {
      onSuccess: (saved) => {
        const savedDraft = draftFromTool(saved);
        setBaseline(savedDraft);
        // Keep whatever was typed while the request was in flight.
        setDraft((current) => (sameDraft(current, submitted) ? savedDraft : current));
        // The page's address is the tool's name (the editor keeps its state: it is keyed by id).
        if (renaming) router.replace(`${base}/tools/${saved.name}`);
      },
      onError: (error) => {
        const mapped = saveErrors(error, { renaming });
        setErrors(mapped.errors);
        setDiagnostic(mapped.handlerDiagnostic);
        setTab((current) => firstTabWithError(mapped.errors) ?? current);
      },
    });
  }, [base, canEdit, draft, router, tool.kind, tool.name, updateTool]);

  useEditorShortcuts({ onSave: save });

  // After "Discard changes": the tool as production has it, or the list when it no longer exists.
  const reloadAfterDiscard = useCallback(async () => {
    try {
      const fresh = await apiFetch<Tool>(
        `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/tools/${encodeURIComponent(tool.name)}`,
      );
      const freshDraft = draftFromTool(fresh);
      setBaseline(freshDraft);
      setDraft(freshDraft);
      setErrors({});
      setDiagnostic(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) router.push(listHref);
      else throw error;
    }
  }, [org, project, tool.name, router, listHref]);

  const readOnly = !canEdit;
  const items: TabItem<TabId>[] = [
    ...(tool.kind === "data"
      ? [
          {
            id: "code" as const,
            label: "Code",
            hasError: Boolean(errors.handler),
            content: (
              <CodeTab
                org={org}
                project={project}
                toolName={tool.name}
                inputSchema={draft.inputSchema}
                handler={draft.handler}
                onChange={(handler) => change({ handler })}
                readOnly={readOnly}
                error={errors.handler}
                diagnostic={diagnostic}
              />
            ),
          },
        ]
      : []),
    {
      id: "schema",
      label: "Schema",
      hasError: Boolean(errors.inputSchema || errors.outputSchema),
      content: (
        <SchemaTab
          inputSchema={draft.inputSchema}
          outputSchema={draft.outputSchema}
          onChange={(field, value) => change({ [field]: value })}
          readOnly={readOnly}
          errors={errors}
        />
      ),
    },
    {
      id: "details",
      label: "Details",
      hasError: Boolean(errors.name || errors.title || errors.description || errors.annotations || errors.timeoutMs || errors.memoryMb),
      content: <DetailsTab draft={draft} kind={tool.kind} onChange={change} readOnly={readOnly} errors={errors} />,
    },
    ...(tool.kind === "data"
      ? [
          {
            id: "secrets" as const,
            label: "Secrets",
            content: <SecretsTab org={org} project={project} tool={tool.name} canEdit={canEdit} />,
          },
          {
            id: "domains" as const,
            label: "Allowed domains",
            hasError: Boolean(errors.allowedDomains),
            content: (
              <AllowedDomainsTab
                domains={draft.allowedDomains}
                onChange={(allowedDomains) => change({ allowedDomains })}
                readOnly={readOnly}
                error={errors.allowedDomains}
              />
            ),
          },
        ]
      : [
          {
            id: "component" as const,
            label: "Component",
            hasError: Boolean(errors.component || errors.allowedComponents),
            content: (
              <ComponentTab
                componentsHref={`${base}/components`}
                componentNames={componentNames}
                component={draft.component}
                allowedComponents={draft.allowedComponents}
                onChange={change}
                readOnly={readOnly}
                errors={errors}
              />
            ),
          },
        ]),
  ];

  return (
    <main className="space-y-5">
      <UnsavedChangesGuard dirty={dirty} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0 space-y-1">
          <Link href={listHref} className="text-sm text-muted hover:text-fg hover:underline">
            ← {tool.kind === "data" ? "Data Tools" : "UI Tools"}
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate font-mono text-lg font-semibold sm:text-xl">{tool.name}</h2>
            <Badge tone={tool.kind === "data" ? "neutral" : "accent"}>{tool.kind === "data" ? "Data Tool" : "UI Tool"}</Badge>
          </div>
          {tool.title && <p className="text-sm text-muted">{tool.title}</p>}
        </div>
        {/* Below 1024 px the test panel sits under the editor: one jump away, the editor keeps its full width. */}
        <a href="#test-panel" className="text-sm font-medium text-accent hover:underline lg:hidden">
          Go to the test panel ↓
        </a>
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-3">
            <SaveStatus dirty={dirty} saving={updateTool.isPending} />
            <DiscardChangesDialog
              org={org}
              project={project}
              toolName={tool.name}
              hasUnsavedEdits={dirty}
              onDiscarded={reloadAfterDiscard}
            />
            <DeleteToolDialog org={org} project={project} tool={tool.name} listHref={listHref} />
            <Button
              variant="primary"
              onClick={save}
              loading={updateTool.isPending}
              aria-keyshortcuts="Control+S Meta+S"
              title="Save (Ctrl+S / ⌘S)"
            >
              Save
            </Button>
          </div>
        ) : (
          <Badge>Read-only: your role can view tools but not edit them</Badge>
        )}
      </div>

      {errors.form && (
        <Alert tone="danger" title="Not saved">
          {errors.form}
        </Alert>
      )}

      <EditorSplit
        editor={
          <section aria-label="Editor" className="min-w-0 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
            <Tabs label="Tool editor" items={items} selected={tab} onSelect={setTab} />
          </section>
        }
        panel={<TestPanel org={org} project={project} tool={tool} canRun={canEdit} hasUnsavedChanges={dirty} />}
      />
    </main>
  );
}
