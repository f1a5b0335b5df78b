"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { markDraftChanged } from "@/lib/hooks/use-publish";
import { queryKeys } from "@/lib/query-keys";

// Components as the API returns them (lib/components/components.ts, dates as strings).
export type ComponentCsp = { connectDomains?: string[]; resourceDomains?: string[]; frameDomains?: string[]; baseUriDomains?: string[] };
export type ComponentKind = "html" | "tsx";
export type Component = {
  id: string;
  name: string;
  kind: ComponentKind;
  /** The TSX module ("" for HTML components). */
  source: string;
  /** The served document: as written (HTML) or compiled at save (TSX). */
  html: string;
  csp: ComponentCsp;
  title: string;
  description: string;
  prefersBorder: boolean;
  createdAt: string;
  updatedAt: string;
};
export type ComponentInput = {
  name: string;
  kind?: ComponentKind;
  html?: string;
  source?: string;
  csp: ComponentCsp;
  title?: string;
  description?: string;
  prefersBorder?: boolean;
};

const componentsPath = (org: string, project: string) =>
  `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/components`;
const componentPath = (org: string, project: string, name: string) => `${componentsPath(org, project)}/${encodeURIComponent(name)}`;

export function useComponents(org: string, project: string, options: { initialData?: Component[] } = {}) {
  return useQuery({
    queryKey: queryKeys.components(org, project),
    queryFn: async () => (await apiFetch<{ data: Component[] }>(componentsPath(org, project))).data,
    initialData: options.initialData,
  });
}

export function useCreateComponent(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ComponentInput) => apiFetch<Component>(componentsPath(org, project), { method: "POST", body: input }),
    onSuccess: () => {
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.components(org, project) });
    },
  });
}

export function useUpdateComponent(org: string, project: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ComponentInput>) =>
      apiFetch<Component>(componentPath(org, project, name), { method: "PATCH", body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.component(org, project, updated.name), updated);
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.components(org, project), exact: true });
    },
  });
}

/** Refused (409) while a tool uses the component; the message names those tools. */
export function useDeleteComponent(org: string, project: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(componentPath(org, project, name), { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.component(org, project, name) });
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.components(org, project), exact: true });
    },
  });
}
