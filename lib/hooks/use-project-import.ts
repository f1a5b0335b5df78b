"use client";

import { useMutation } from "@tanstack/react-query";
import type { ImportPreview } from "@/lib/export/import-plan";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { projectPath } from "@/lib/hooks/use-projects";

export type ImportResult = { applied: boolean; preview: ImportPreview; draftDigest: string | null; project?: { slug: string } | null };

/** The export archive's download URL (a GET with the session cookie). */
export function exportUrl(org: string, project: string) {
  return `${projectPath(org, project)}/export`;
}

/** Import an archive onto this project's draft (dryRun: the preview only). */
export function useImportOntoDraft(org: string, project: string) {
  return useMutation({
    mutationFn: (input: { archive: unknown; dryRun: boolean }) =>
      apiFetch<ImportResult>(`${projectPath(org, project)}/import`, { method: "POST", body: input }),
  });
}

/** Import an archive as a new project of the organization (dryRun: the preview only). */
export function useImportAsNewProject(org: string) {
  return useMutation({
    mutationFn: (input: { archive: unknown; slug: string; dryRun: boolean }) =>
      apiFetch<ImportResult>(`/app/v1/organizations/${encodeURIComponent(org)}/project-imports`, { method: "POST", body: input }),
  });
}
