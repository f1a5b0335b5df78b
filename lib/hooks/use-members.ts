"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Member, Page, Role } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

const membersPath = (org: string) => `/app/v1/organizations/${encodeURIComponent(org)}/members`;

export function useMembers(org: string, options: { initialData?: Member[] } = {}) {
  return useQuery({
    queryKey: queryKeys.members(org),
    queryFn: async () => (await apiFetch<Page<Member>>(`${membersPath(org)}?limit=100`)).data,
    initialData: options.initialData,
  });
}

/** Changes a member's role; the list shows the new role at once and rolls back if the server refuses. */
export function useUpdateMemberRole(org: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.members(org);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiFetch<Member>(`${membersPath(org)}/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role } }),
    onMutate: async ({ userId, role }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Member[]>(key);
      queryClient.setQueryData<Member[]>(key, (members) =>
        members?.map((member) => (member.userId === userId ? { ...member, role } : member)),
      );
      return { previous };
    },
    onError: (_error, _input, context) => queryClient.setQueryData(key, context?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** Removes a member; with my own user id it is "leave the organization". */
export function useRemoveMember(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId }: { userId: string }) =>
      apiFetch<void>(`${membersPath(org)}/${encodeURIComponent(userId)}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(org) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations, exact: true }),
      ]),
  });
}
