"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { Project } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

const projectsPath = (org: string) => `/app/v1/organizations/${encodeURIComponent(org)}/projects`;
export const projectPath = (org: string, project: string) => `${projectsPath(org)}/${encodeURIComponent(project)}`;

export type ProjectUpdate = { name?: string; instructions?: string; owners?: string[] };

export function useCreateProject(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; slug: string }) => apiFetch<Project>(projectsPath(org), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects(org) }),
  });
}

export function useUpdateProject(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectUpdate) => apiFetch<Project>(projectPath(org, project), { method: "PATCH", body: input }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.project(org, project), updated);
      return queryClient.invalidateQueries({ queryKey: queryKeys.projects(org), exact: true });
    },
  });
}

export function useDeleteProject(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(projectPath(org, project), { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.project(org, project) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.projects(org), exact: true });
    },
  });
}
