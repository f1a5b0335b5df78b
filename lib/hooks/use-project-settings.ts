"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Project } from "@/lib/hooks/api-types";
import { projectPath } from "@/lib/hooks/use-projects";
import { queryKeys } from "@/lib/query-keys";
import type { ProjectRateLimits } from "@/lib/rate-limit/limits";

export type KillSwitchResult = Project & { revoked: { productionTokens: number; oauthGrants: number } };

function storeProject(queryClient: QueryClient, org: string, project: string, updated: Project) {
  queryClient.setQueryData(queryKeys.project(org, project), updated);
  return queryClient.invalidateQueries({ queryKey: queryKeys.projects(org), exact: true });
}

/** Visibility and rate limits: the MCP server settings (each needs its own permission on the server). */
export function useUpdateProjectSettings(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { visibility: Project["visibility"] } | { rateLimits: Partial<ProjectRateLimits> }) =>
      apiFetch<Project>(projectPath(org, project), { method: "PATCH", body: input }),
    onSuccess: (updated) => storeProject(queryClient, org, project, updated),
  });
}

/** The kill switch: private at once, optionally revoking every OAuth grant and production token. */
export function useKillSwitch(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { revokeCredentials: boolean }) =>
      apiFetch<KillSwitchResult>(`${projectPath(org, project)}/mcp/disable-public`, { method: "POST", body: input }),
    onSuccess: async ({ revoked: _revoked, ...updated }) => {
      await storeProject(queryClient, org, project, updated);
      // Revoked tokens must disappear from the Server tab's list.
      return queryClient.invalidateQueries({ queryKey: queryKeys.productionTokens(org, project) });
    },
  });
}
