"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Organization, Page } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

/** Organizations I belong to, with my role in each. */
export function useOrganizations(options: { initialData?: Organization[] } = {}) {
  return useQuery({
    queryKey: queryKeys.organizations,
    queryFn: async () => (await apiFetch<Page<Organization>>("/app/v1/organizations?limit=100")).data,
    initialData: options.initialData,
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; slug: string }) => apiFetch<Organization>("/app/v1/organizations", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
  });
}
