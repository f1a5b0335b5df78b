"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { CreatedProductionToken, ProductionToken } from "@/lib/hooks/api-types";
import { projectPath } from "@/lib/hooks/use-projects";
import { queryKeys } from "@/lib/query-keys";

const tokensPath = (org: string, project: string) => `${projectPath(org, project)}/tokens`;

/** The project's production access tokens (never their values). */
export function useProductionTokens(org: string, project: string, options: { initialData?: ProductionToken[] } = {}) {
  return useQuery({
    queryKey: queryKeys.productionTokens(org, project),
    queryFn: async () => (await apiFetch<{ data: ProductionToken[] }>(tokensPath(org, project))).data,
    initialData: options.initialData,
  });
}

/** Creates a token; the response carries its value, shown once. */
export function useCreateProductionToken(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => apiFetch<CreatedProductionToken>(tokensPath(org, project), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.productionTokens(org, project) }),
  });
}

/** Revokes a token: hosts using it get 401 on their next request. */
export function useRevokeProductionToken(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`${tokensPath(org, project)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.productionTokens(org, project) }),
  });
}
