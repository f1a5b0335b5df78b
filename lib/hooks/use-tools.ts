"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Jsonify } from "@/lib/hooks/api-types";
import type { PresentedTool } from "@/lib/tools/present-tool";
import type { updateToolSchema } from "@/lib/tools/tool-input";
import type { z } from "zod";
import { markDraftChanged } from "@/lib/hooks/use-publish";
import { queryKeys } from "@/lib/query-keys";

// Tools of a project's draft as the API returns them: the server's presenter, dates as strings.
export type Tool = Jsonify<PresentedTool>;
export type ToolKind = Tool["kind"];
export type JsonObject = Record<string, unknown>;
export type ToolPreset = Tool["presets"][number];
export type ToolAnnotations = Tool["annotations"];

/** What a save may send: exactly the server's update schema. */
export type ToolUpdate = z.input<typeof updateToolSchema>;

export type SecretName = {
  key: string;
  updatedAt: string;
  /** Which endpoints have a value; the draft uses the production value unless it has its own. */
  environments?: { draft: boolean; production: boolean; draftOwnValue: boolean };
};
export type SecretEnvironment = "both" | "draft" | "production";

const toolsPath = (org: string, project: string) =>
  `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/tools`;
const toolPath = (org: string, project: string, tool: string) => `${toolsPath(org, project)}/${encodeURIComponent(tool)}`;

export function useTools(org: string, project: string, kind: ToolKind, options: { initialData?: Tool[] } = {}) {
  return useQuery({
    queryKey: queryKeys.toolsOfKind(org, project, kind),
    queryFn: async () => (await apiFetch<{ data: Tool[] }>(`${toolsPath(org, project)}?kind=${kind}`)).data,
    initialData: options.initialData,
  });
}

export function useTool(org: string, project: string, tool: string, options: { initialData?: Tool } = {}) {
  return useQuery({
    queryKey: queryKeys.tool(org, project, tool),
    queryFn: () => apiFetch<Tool>(toolPath(org, project, tool)),
    initialData: options.initialData,
  });
}

export function useCreateTool(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; kind: ToolKind; component?: string }) =>
      apiFetch<Tool>(toolsPath(org, project), { method: "POST", body: input }),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.tool(org, project, created.name), created);
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.toolsOfKind(org, project, created.kind) });
    },
  });
}

/** Saves fields of a tool (a save is live on the draft endpoint at once). */
export function useUpdateTool(org: string, project: string, tool: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ToolUpdate) => apiFetch<Tool>(toolPath(org, project, tool), { method: "PATCH", body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.tool(org, project, tool), updated);
      if (updated.name !== tool) queryClient.setQueryData(queryKeys.tool(org, project, updated.name), updated);
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.toolsOfKind(org, project, updated.kind) });
    },
  });
}

export function useDeleteTool(org: string, project: string, tool: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(toolPath(org, project, tool), { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.tool(org, project, tool) });
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.tools(org, project) });
    },
  });
}

/** Names of a tool's secrets; values are write-only and never come back. */
export function useToolSecrets(org: string, project: string, tool: string) {
  return useQuery({
    queryKey: queryKeys.toolSecrets(org, project, tool),
    queryFn: async () => (await apiFetch<{ data: SecretName[] }>(`${toolPath(org, project, tool)}/secrets`)).data,
  });
}

export function useSetToolSecret(org: string, project: string, tool: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, environment = "both" }: { key: string; value: string; environment?: SecretEnvironment }) =>
      apiFetch<{ key: string }>(`${toolPath(org, project, tool)}/secrets/${encodeURIComponent(key)}`, {
        method: "PUT",
        body: { value, environment },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.toolSecrets(org, project, tool) }),
  });
}

export function useDeleteToolSecret(org: string, project: string, tool: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiFetch<void>(`${toolPath(org, project, tool)}/secrets/${encodeURIComponent(key)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.toolSecrets(org, project, tool) }),
  });
}
