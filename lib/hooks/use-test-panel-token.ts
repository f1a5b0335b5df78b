"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/hooks/api-fetch";
import { queryKeys } from "@/lib/query-keys";

export type TestPanelToken = { token: string; resource: string; expiresAt: string; expiresInSeconds: number };

/** Renew once two thirds of the lifetime have passed: the old credential still works meanwhile. */
const renewAfterMs = (token: TestPanelToken | undefined) => (token ? (token.expiresInSeconds * 1000 * 2) / 3 : false);

/**
 * The test panel's credential for the project's draft endpoint, as the signed-in member: minted by
 * the studio (lib/test-panel-credentials), short-lived and renewed silently before it expires, in
 * every tab independently. It never reads or rotates the project's shared draft token.
 */
export function useTestPanelToken(org: string, project: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.testPanelToken(org, project),
    queryFn: () =>
      apiFetch<TestPanelToken>(
        `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/test-panel-token`,
        { method: "POST" },
      ),
    enabled: options.enabled,
    staleTime: (query) => renewAfterMs(query.state.data) || 0,
    refetchInterval: (query) => renewAfterMs(query.state.data),
    // Background tabs renew too (browsers slow timers down to about once a minute, well within the margin).
    refetchIntervalInBackground: true,
    // A refusal (signed out, role gone) is final; a network or server failure is worth a few tries.
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 3,
  });
}
