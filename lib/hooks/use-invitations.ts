"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { AcceptedInvitation, CreatedInvitation, Invitation, Page, Role } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

const invitationsPath = (org: string) => `/app/v1/organizations/${encodeURIComponent(org)}/invitations`;

/** Pending invitations of an organization (Owners and Admins only). */
export function useInvitations(org: string, options: { initialData?: Invitation[] } = {}) {
  return useQuery({
    queryKey: queryKeys.invitations(org),
    queryFn: async () => {
      const body = await apiFetch<Page<Invitation> | Invitation[]>(invitationsPath(org));
      return Array.isArray(body) ? body : body.data;
    },
    initialData: options.initialData,
  });
}

export function useCreateInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      apiFetch<CreatedInvitation>(invitationsPath(org), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(org) }),
  });
}

const invitationPath = (org: string, id: string) => `${invitationsPath(org)}/${encodeURIComponent(id)}`;

/** A pending invitation's link, fetched when asked for (it is a secret: never kept in the list). */
export function fetchInvitationLink(org: string, id: string) {
  return apiFetch<{ link: string }>(`${invitationPath(org, id)}/link`);
}

/** Emails the invitation again; it is valid for 7 more days. */
export function useResendInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<CreatedInvitation>(`${invitationPath(org, id)}/resend`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(org) }),
  });
}

/** Withdraws an invitation: its link stops working. */
export function useRevokeInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(invitationPath(org, id), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(org) }),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<AcceptedInvitation>(`/app/v1/invitations/${encodeURIComponent(token)}/accept`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
  });
}
