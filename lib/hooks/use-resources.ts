"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { markDraftChanged } from "@/lib/hooks/use-publish";

// Resources as the API returns them (lib/resources/resources.ts, dates as strings).
export type McpResource = {
  id: string;
  name: string;
  kind: "static" | "template";
  uri: string;
  title: string;
  description: string;
  mimeType: string;
  text: string | null;
  blob: string | null;
  handler: string;
  completions: Record<string, string[] | string>;
  createdAt: string;
  updatedAt: string;
};
export type ResourceInput = Partial<Omit<McpResource, "id" | "createdAt" | "updatedAt">>;
export type ResourceContents = { uri: string; mimeType?: string; text?: string; blob?: string };
export type ResourcePreview = { contents: ResourceContents[]; logs: Array<{ level: string; message: string }> };

const resourcesPath = (org: string, project: string) =>
  `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/resources`;
const resourcesKey = (org: string, project: string) => ["organizations", org, "projects", project, "resources"] as const;

export function useResources(org: string, project: string, options: { initialData?: McpResource[] } = {}) {
  return useQuery({
    queryKey: resourcesKey(org, project),
    queryFn: async () => (await apiFetch<{ data: McpResource[] }>(resourcesPath(org, project))).data,
    initialData: options.initialData,
  });
}

export function useSaveResource(org: string, project: string, name: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResourceInput) =>
      name
        ? apiFetch<McpResource>(`${resourcesPath(org, project)}/${encodeURIComponent(name)}`, { method: "PATCH", body: input })
        : apiFetch<McpResource>(resourcesPath(org, project), { method: "POST", body: input }),
    onSuccess: () => {
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: resourcesKey(org, project) });
    },
  });
}

export function useDeleteResource(org: string, project: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${resourcesPath(org, project)}/${encodeURIComponent(name)}`, { method: "DELETE" }),
    onSuccess: () => {
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: resourcesKey(org, project) });
    },
  });
}

export function usePreviewResource(org: string, project: string, name: string) {
  return useMutation({
    mutationFn: (uri: string | undefined) =>
      apiFetch<ResourcePreview>(`${resourcesPath(org, project)}/${encodeURIComponent(name)}/preview`, { method: "POST", body: { uri } }),
  });
}
