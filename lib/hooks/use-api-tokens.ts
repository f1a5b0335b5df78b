"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { ApiToken, CreatedApiToken, Page } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

/** My personal API tokens (never their values). */
export function useApiTokens(options: { initialData?: ApiToken[] } = {}) {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: async () => {
      const body = await apiFetch<Page<ApiToken> | ApiToken[]>("/app/v1/me/tokens");
      return Array.isArray(body) ? body : body.data;
    },
    initialData: options.initialData,
  });
}

/** Creates a token; the response carries its value, shown once. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => apiFetch<CreatedApiToken>("/app/v1/me/tokens", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/app/v1/me/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
