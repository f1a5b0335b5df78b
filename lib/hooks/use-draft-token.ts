"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { queryKeys } from "@/lib/query-keys";

export type RotatedDraftToken = { token: string; prefix: string; rotatedAt: string };

/**
 * Rotates the project's shared draft token, the one hosts and scripts use (the old one stops
 * working at once). The new token is in the response only: it is stored hashed. The studio's test
 * panel does not use it (see use-test-panel-token.ts).
 */
export function useRotateDraftToken(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<RotatedDraftToken>(`/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/draft-token`, {
        method: "POST",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(org, project), exact: true }),
  });
}
