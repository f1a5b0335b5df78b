"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ImportPreview } from "@/lib/export/import-plan";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { exportUrl, type ImportResult, useImportAsNewProject, useImportOntoDraft } from "@/lib/hooks/use-project-import";

type Target = "draft" | "new";
const KINDS = ["tools", "components", "prompts", "resources"] as const;

function PreviewList({ preview }: { preview: ImportPreview }) {
  const rows = KINDS.flatMap((kind) => [
    ...preview[kind].create.map((name) => ({ sign: "+", kind, name, tone: "text-success" })),
    ...preview[kind].update.map((name) => ({ sign: "~", kind, name, tone: "text-warning" })),
    ...preview[kind].delete.map((name) => ({ sign: "−", kind, name, tone: "text-danger" })),
  ]);
  return (
    <div className="space-y-3 text-sm">
      {preview.problems.length > 0 && (
        <Alert tone="danger" title="This archive cannot be imported">
          <ul className="list-disc pl-5">
            {preview.problems.map((problem) => (
              <li key={`${problem.item}:${problem.message}`}>
                <span className="font-mono">{problem.item}</span>: {problem.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {rows.length === 0 && !preview.instructionsChanged ? (
        <p>Nothing changes: the draft already matches the archive.</p>
      ) : (
        <ul aria-label="Changes" className="space-y-1 font-mono">
          {rows.map((row) => (
            <li key={`${row.kind}/${row.name}`} className={row.tone}>
              {row.sign} {row.kind.slice(0, -1)} {row.name}
            </li>
          ))}
          {preview.instructionsChanged && <li className="text-warning">~ Instructions</li>}
        </ul>
      )}
      {preview.secretsToSet.length > 0 && (
        <Alert tone="warning" title="Secrets to set after importing">
          Archives carry secret names, never values:{" "}
          {preview.secretsToSet.map((entry) => `${entry.tool} (${entry.names.join(", ")})`).join("; ")}.
        </Alert>
      )}
    </div>
  );
}

/** Export the draft as one JSON archive; import an archive onto this draft or as a new project. */
export function ExportImport({
  org,
  project,
  canImportHere,
  canCreateProject,
}: {
  org: string;
  project: string;
  canImportHere: boolean;
  canCreateProject: boolean;
}) {
  const router = useRouter();
  const ontoDraft = useImportOntoDraft(org, project);
  const asNew = useImportAsNewProject(org);
  const [archive, setArchive] = useState<unknown>(null);
  const [target, setTarget] = useState<Target>(canImportHere ? "draft" : "new");
  const [slug, setSlug] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function choose(next: Target) {
    setTarget(next);
    setPreview(null);
  }

  function editSlug(next: string) {
    setSlug(next);
    setPreview(null);
  }

  const run = (dryRun: boolean) =>
    target === "draft" ? ontoDraft.mutateAsync({ archive, dryRun }) : asNew.mutateAsync({ archive, slug, dryRun });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    try {
      const parsed: unknown = JSON.parse(await file.text());
      setArchive(parsed);
      const name = (parsed as { project?: { slug?: string } } | null)?.project?.slug;
      setSlug(name ? `${name}-copy` : "");
      setPreview(null);
    } catch {
      setError(`${file.name} is not a JSON file. Choose an archive exported from Atelier (*.atelier.json).`);
    }
  }

  async function onPreview() {
    setError(null);
    try {
      setPreview(await run(true));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function onApply() {
    setError(null);
    try {
      const result = await run(false);
      setArchive(null);
      setPreview(null);
      if (target === "new" && result.project) router.push(`/orgs/${org}/projects/${result.project.slug}`);
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const canImport = canImportHere || canCreateProject;
  const pending = ontoDraft.isPending || asNew.isPending;
  return (
    <Section
      title="Export and import"
      description="A project's draft as one JSON file — tools, components, prompts, resources and Instructions, with secrets by name only — to keep, review or import into any organization."
    >
      <div className="flex flex-wrap items-center gap-3">
        <a className={buttonClasses("secondary")} href={exportUrl(org, project)} download={`${project}.atelier.json`}>
          Export archive
        </a>
        {canImport && (
          <label className={buttonClasses("secondary", "md", "cursor-pointer")}>
            Import archive…
            <input type="file" accept="application/json,.json" className="sr-only" onChange={onFile} />
          </label>
        )}
      </div>
      {error && !archive && (
        <p role="alert" className="mt-3 text-sm text-danger">
          {error}
        </p>
      )}
      <Dialog
        open={archive !== null}
        onOpenChange={(open) => !open && setArchive(null)}
        title="Import archive"
        description="Preview what changes before anything is written."
      >
        <div className="space-y-4">
          <fieldset className="space-y-2 text-sm">
            <legend className="font-medium">Import into</legend>
            {canImportHere && (
              <label className="flex items-center gap-2">
                <input type="radio" name="target" checked={target === "draft"} onChange={() => choose("draft")} />
                This project's draft (replaces its tools, components, prompts and resources)
              </label>
            )}
            {canCreateProject && (
              <label className="flex items-center gap-2">
                <input type="radio" name="target" checked={target === "new"} onChange={() => choose("new")} />A new project in this
                organization
              </label>
            )}
          </fieldset>
          {target === "new" && (
            <Field label="New project's slug">
              {(control) => <Input {...control} value={slug} onChange={(event) => editSlug(event.target.value)} className="font-mono" />}
            </Field>
          )}
          {preview && <PreviewList preview={preview.preview} />}
          {error && (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          )}
          <DialogFooter>
            <Button onClick={() => setArchive(null)}>Cancel</Button>
            {preview ? (
              <Button variant="primary" onClick={onApply} loading={pending} disabled={preview.preview.problems.length > 0}>
                {target === "draft" ? "Replace the draft" : "Create project"}
              </Button>
            ) : (
              <Button variant="primary" onClick={onPreview} loading={pending} disabled={target === "new" && !slug}>
                Preview changes
              </Button>
            )}
          </DialogFooter>
        </div>
      </Dialog>
    </Section>
  );
}
