"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Package, PublishPreview } from "@/lib/hooks/api-types";
import { projectPath } from "@/lib/hooks/use-projects";
import { queryKeys } from "@/lib/query-keys";

/** What Publish would do now: changes, per-file diffs, breaking changes and the version to use. */
export function usePublishPreview(org: string, project: string, options: { enabled?: boolean; refetchOnMount?: boolean | "always" } = {}) {
  return useQuery({
    queryKey: queryKeys.publishPreview(org, project),
    queryFn: () => apiFetch<PublishPreview>(`${projectPath(org, project)}/publish`),
    enabled: options.enabled,
    refetchOnMount: options.refetchOnMount,
  });
}

/**
 * A save changed the draft, so the Publish button's preview is out of date. Not awaited: a save
 * is done when it is saved, not when the (slower) preview has been recomputed.
 */
export function markDraftChanged(queryClient: QueryClient, org: string, project: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.publishPreview(org, project) });
}

/** Everything that shows which version production serves: the preview, the history, the project. */
export function invalidateProduction(queryClient: QueryClient, org: string, project: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.publishPreview(org, project) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.packages(org, project) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.project(org, project), exact: true }),
  ]);
}

/** Signs the draft into a new package and points production at it. */
export function usePublish(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { changelog: string; version?: string; overrideReason?: string; testRunId?: string }) =>
      apiFetch<Package>(`${projectPath(org, project)}/publish`, { method: "POST", body: input }),
    // Not awaited: the dialog shows the result at once, and the rest of the studio catches up.
    onSuccess: () => void invalidateProduction(queryClient, org, project),
  });
}
