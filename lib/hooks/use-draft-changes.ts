"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { queryKeys } from "@/lib/query-keys";

export type NameChanges = { added: string[]; modified: string[]; removed: string[] };
export type DraftChanges = {
  productionVersion: string | null;
  tools: NameChanges;
  components: NameChanges;
  prompts: NameChanges;
  resources: NameChanges;
};
export type DiscardScope = { tool?: string; component?: string };

const draftPath = (org: string, project: string) =>
  `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/draft`;

/** Tools, components, prompts and resources the draft added, modified or removed since production (what discarding loses). */
export function useDraftChanges(org: string, project: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.draftChanges(org, project),
    queryFn: () => apiFetch<DraftChanges>(`${draftPath(org, project)}/changes`),
    enabled: options.enabled,
    staleTime: 0,
  });
}

/** Resets the draft (or one tool or component) to the production package. */
export function useDiscardDraftChanges(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: DiscardScope) =>
      apiFetch<{ discarded: DraftChanges }>(`${draftPath(org, project)}/discard`, { method: "POST", body: scope }),
    // Tools, components, the publish preview and these changes all moved.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(org, project) }),
  });
}
