"use client";

import { expectationsFromContents, SaveAsTestCase } from "@/components/tests/save-test-case";
import { TargetTestCases } from "@/components/tests/tool-test-cases";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { parseTemplate } from "url-template";
import { SectionHeader } from "@/components/ui/section-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { OutputBlock, OutputCode } from "@/components/ui/output-block";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { type McpResource, type ResourceInput, useDeleteResource, usePreviewResource, useSaveResource } from "@/lib/hooks/use-resources";

/** Largest upload, as the server enforces it (lib/resources/resource-input.ts MAX_RESOURCE_BYTES). */
const MAX_UPLOAD_BYTES = 1024 * 1024;
const STARTER_HANDLER = `async (variables, env) => {
  return { text: JSON.stringify(variables) };
}`;

/** The {variables} of an RFC 6570 template, in order (operators like ?, /, # stripped). */
function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{([^}]*)\}/g)) {
    for (const spec of match[1].replace(/^[+#./;?&]/, "").split(",")) {
      const name = spec.replace(/[*]$|:\d+$/, "").trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Create or edit a static resource or a resource template, and read the saved version in the test panel. */
export function ResourceEditor({
  org,
  project,
  initial,
  canEdit,
}: {
  org: string;
  project: string;
  initial?: McpResource;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState(initial?.name ?? "");
  const [kind, setKind] = useState<"static" | "template">(initial?.kind ?? "static");
  const [uri, setUri] = useState(initial?.uri ?? "");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [mimeType, setMimeType] = useState(initial?.mimeType ?? "text/plain");
  const [text, setText] = useState(initial?.text ?? "");
  const [blob, setBlob] = useState<string | null>(initial?.blob ?? null);
  const [handler, setHandler] = useState(initial?.handler || STARTER_HANDLER);
  const [completionsText, setCompletionsText] = useState(JSON.stringify(initial?.completions ?? {}, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveResource(org, project, initial?.name ?? null);
  const remove = useDeleteResource(org, project, initial?.name ?? "");
  const base = `/orgs/${org}/projects/${project}/resources`;

  async function onUpload(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem(`${file.name} is ${file.size} bytes; a resource may hold at most ${MAX_UPLOAD_BYTES} bytes (1 MiB).`);
      return;
    }
    setProblem(null);
    setBlob(toBase64(await file.arrayBuffer()));
    if (file.type) setMimeType(file.type);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    try {
      let completions: Record<string, string[]> = {};
      if (kind === "template") {
        try {
          completions = JSON.parse(completionsText);
        } catch {
          throw new Error("Completions are not valid JSON: give { variable: [values] }.");
        }
      }
      const input: ResourceInput = {
        name,
        uri,
        title,
        description,
        mimeType,
        ...(initial ? {} : { kind }),
        ...(kind === "template" ? { handler, completions } : blob !== null ? { blob } : { text }),
      };
      const result = await save.mutateAsync(input);
      setSaved(true);
      if (!initial || result.name !== initial.name) router.push(`${base}/${result.name}`);
      else router.refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <main className="space-y-6">
      <SectionHeader
        title={initial ? initial.name : "New resource"}
        description="Data hosts can attach to a conversation (resources/read): fixed contents at a URI of your own scheme, or a URI template whose handler returns the contents."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <form onSubmit={onSubmit} className="space-y-4" aria-label="Resource">
          <Field label="Name" hint="lowercase_with_underscores; fixed once published.">
            {(control) => (
              <Input {...control} value={name} onChange={(event) => setName(event.target.value)} disabled={!canEdit} required />
            )}
          </Field>
          {!initial && (
            <Field label="Kind">
              {(control) => (
                <Select
                  {...control}
                  value={kind}
                  onChange={(event) => setKind(event.target.value as "static" | "template")}
                  disabled={!canEdit}
                >
                  <option value="static">Static resource</option>
                  <option value="template">Resource template (RFC 6570)</option>
                </Select>
              )}
            </Field>
          )}
          <Field
            label={kind === "template" ? "URI template" : "URI"}
            hint={kind === "template" ? "Like notes://days/{date}{?lang}" : "Like notes://readme (not ui://, http:// or file://)"}
          >
            {(control) => (
              <Input
                {...control}
                value={uri}
                onChange={(event) => setUri(event.target.value)}
                disabled={!canEdit}
                required
                className="font-mono"
              />
            )}
          </Field>
          <Field label="Title">
            {(control) => <Input {...control} value={title} onChange={(event) => setTitle(event.target.value)} disabled={!canEdit} />}
          </Field>
          <Field label="Description">
            {(control) => (
              <Textarea {...control} value={description} onChange={(event) => setDescription(event.target.value)} disabled={!canEdit} />
            )}
          </Field>
          <Field label="MIME type">
            {(control) => <Input {...control} value={mimeType} onChange={(event) => setMimeType(event.target.value)} disabled={!canEdit} />}
          </Field>
          {kind === "static" ? (
            <>
              {blob === null ? (
                <Field label="Text">
                  {(control) => (
                    <Textarea
                      {...control}
                      className="font-mono text-xs"
                      rows={8}
                      value={text}
                      onChange={(event) => setText(event.target.value)}
                      disabled={!canEdit}
                    />
                  )}
                </Field>
              ) : (
                <Alert tone="info">
                  Binary contents: {Math.floor((blob.length * 3) / 4)} bytes.{" "}
                  {canEdit && (
                    <button type="button" className="underline" onClick={() => setBlob(null)}>
                      Use text instead
                    </button>
                  )}
                </Alert>
              )}
              {canEdit && (
                <Field label="Upload a file" hint="Binary (images, PDFs…) up to 1 MiB; stored as base64 and served as blob.">
                  {(control) => (
                    <input {...control} type="file" className="text-sm" onChange={(event) => void onUpload(event.target.files?.[0])} />
                  )}
                </Field>
              )}
            </>
          ) : (
            <>
              <Field
                label="Handler"
                hint="async (variables, env) => string | { text } | { blob } | a list of them: no secrets, no network."
              >
                {(control) => (
                  <Textarea
                    {...control}
                    className="font-mono text-xs"
                    rows={8}
                    value={handler}
                    onChange={(event) => setHandler(event.target.value)}
                    disabled={!canEdit}
                  />
                )}
              </Field>
              <Field
                label="Completions"
                hint='JSON: { "variable": ["value", …] } offered by completion/complete, or { "variable": "async (value, others) => [...]" }.'
              >
                {(control) => (
                  <Textarea
                    {...control}
                    className="font-mono text-xs"
                    rows={4}
                    value={completionsText}
                    onChange={(event) => setCompletionsText(event.target.value)}
                    disabled={!canEdit}
                  />
                )}
              </Field>
            </>
          )}
          {problem && <Alert tone="danger">{problem}</Alert>}
          {saved && !problem && <Alert tone="success">Saved: live on the draft endpoint.</Alert>}
          {canEdit && (
            <div className="flex gap-2">
              <Button type="submit" variant="primary" loading={save.isPending}>
                {initial ? "Save" : "Create resource"}
              </Button>
              {initial && (
                <Button
                  variant="danger"
                  loading={remove.isPending}
                  onClick={async () => {
                    try {
                      await remove.mutateAsync();
                      router.push(base);
                    } catch (error) {
                      setProblem(errorMessage(error));
                    }
                  }}
                >
                  Delete
                </Button>
              )}
            </div>
          )}
        </form>
        {initial && <ResourceTestPanel org={org} project={project} resource={initial} canRun={canEdit} />}
      </div>
    </main>
  );
}

function ResourceTestPanel({ org, project, resource, canRun }: { org: string; project: string; resource: McpResource; canRun: boolean }) {
  const [values, setValues] = useState<Record<string, string>>({});
  // The variables the shown contents were read with: a case saves these, not what the fields hold now.
  const [previewed, setPreviewed] = useState<Record<string, string>>({});
  const preview = usePreviewResource(org, project, resource.name);
  const variables = resource.kind === "template" ? templateVariables(resource.uri) : [];
  const typed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
  // RFC 6570 expansion of the template with what was typed (url-template).
  const expanded = resource.kind === "template" ? parseTemplate(resource.uri).expand(typed) : resource.uri;
  return (
    <aside aria-label="Test panel" className="min-w-0 space-y-4 self-start rounded-xl border border-line bg-surface p-4 shadow-xs">
      <div>
        <h3 className="text-base font-semibold">Test panel</h3>
        <p className="text-xs text-muted">Reads the saved resource as resources/read does on the draft endpoint.</p>
      </div>
      {!canRun ? (
        <p className="text-sm text-muted">Reading resources here needs the Editor role or above.</p>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            setPreviewed(resource.kind === "template" ? typed : {});
            preview.mutate(resource.kind === "template" ? expanded : undefined);
          }}
        >
          {variables.map((variable) => (
            <Field key={variable} label={variable}>
              {(control) => (
                <Input
                  {...control}
                  value={values[variable] ?? ""}
                  onChange={(event) => setValues({ ...values, [variable]: event.target.value })}
                />
              )}
            </Field>
          ))}
          <p className="font-mono text-xs break-all text-muted">{expanded}</p>
          <Button type="submit" variant="primary" size="sm" loading={preview.isPending}>
            Read resource
          </Button>
        </form>
      )}
      {preview.error && <Alert tone="danger">{errorMessage(preview.error)}</Alert>}
      {preview.data && canRun && (
        <SaveAsTestCase
          org={org}
          project={project}
          target={{ kind: "resource", name: resource.name }}
          input={previewed}
          expectations={expectationsFromContents(preview.data.contents)}
        />
      )}
      {preview.data?.contents.map((contents) => (
        <OutputBlock key={contents.uri} title={`${contents.uri} · ${contents.mimeType ?? ""}`} level={4}>
          {contents.text !== undefined ? (
            <OutputCode>{contents.text}</OutputCode>
          ) : contents.mimeType?.startsWith("image/") ? (
            <img
              src={`data:${contents.mimeType};base64,${contents.blob}`}
              alt={`Contents of ${contents.uri}`}
              className="max-h-60 rounded border border-line"
            />
          ) : (
            <OutputCode>{`${Math.floor(((contents.blob?.length ?? 0) * 3) / 4)} bytes (base64)`}</OutputCode>
          )}
        </OutputBlock>
      ))}
      <TargetTestCases org={org} project={project} target={{ kind: "resource", name: resource.name }} />
    </aside>
  );
}
