"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { markDraftChanged } from "@/lib/hooks/use-publish";

// Prompts as the API returns them (lib/prompts/prompts.ts, dates as strings).
export type PromptArgument = { name: string; description: string; required: boolean; values?: string[]; complete?: string };
export type PromptContent =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "audio"; data: string; mimeType: string }
  | { type: "resource"; resource: { uri: string; mimeType?: string; text?: string; blob?: string } };
export type PromptMessage = { role: "user" | "assistant"; content: PromptContent };
export type Prompt = {
  id: string;
  name: string;
  title: string;
  description: string;
  arguments: PromptArgument[];
  mode: "template" | "handler";
  messages: PromptMessage[];
  handler: string;
  createdAt: string;
  updatedAt: string;
};
export type PromptInput = Partial<Pick<Prompt, "name" | "title" | "description" | "arguments" | "mode" | "messages" | "handler">>;
export type PromptPreview = { description?: string; messages: PromptMessage[]; logs: Array<{ level: string; message: string }> };

const promptsPath = (org: string, project: string) =>
  `/app/v1/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/prompts`;
const promptsKey = (org: string, project: string) => ["organizations", org, "projects", project, "prompts"] as const;

export function usePrompts(org: string, project: string, options: { initialData?: Prompt[] } = {}) {
  return useQuery({
    queryKey: promptsKey(org, project),
    queryFn: async () => (await apiFetch<{ data: Prompt[] }>(promptsPath(org, project))).data,
    initialData: options.initialData,
  });
}

export function useSavePrompt(org: string, project: string, name: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PromptInput) =>
      name
        ? apiFetch<Prompt>(`${promptsPath(org, project)}/${encodeURIComponent(name)}`, { method: "PATCH", body: input })
        : apiFetch<Prompt>(promptsPath(org, project), { method: "POST", body: input }),
    onSuccess: () => {
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: promptsKey(org, project) });
    },
  });
}

export function useDeletePrompt(org: string, project: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${promptsPath(org, project)}/${encodeURIComponent(name)}`, { method: "DELETE" }),
    onSuccess: () => {
      markDraftChanged(queryClient, org, project);
      return queryClient.invalidateQueries({ queryKey: promptsKey(org, project) });
    },
  });
}

export function usePreviewPrompt(org: string, project: string, name: string) {
  return useMutation({
    mutationFn: (args: Record<string, string>) =>
      apiFetch<PromptPreview>(`${promptsPath(org, project)}/${encodeURIComponent(name)}/preview`, {
        method: "POST",
        body: { arguments: args },
      }),
  });
}
