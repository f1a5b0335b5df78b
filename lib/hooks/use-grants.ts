"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { GRANTS_PAGE_SIZE, type Grant, type Page } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

const grantsPath = (org: string) => `/app/v1/organizations/${encodeURIComponent(org)}/grants`;

/** Active grants (authorized apps) I may see, newest first, a page at a time. */
export function useGrants(org: string, options: { initialPage?: Page<Grant> } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.grants(org),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(GRANTS_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<Page<Grant>>(`${grantsPath(org)}?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [null] } : undefined,
  });
}

/** Revokes a grant: the host's next request with its tokens gets 401. */
export function useRevokeGrant(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`${grantsPath(org)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.grants(org) }),
  });
}
