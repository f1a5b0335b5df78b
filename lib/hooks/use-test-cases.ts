"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { markDraftChanged } from "@/lib/hooks/use-publish";
import { projectPath } from "@/lib/hooks/use-projects";
import { queryKeys } from "@/lib/query-keys";
import type { CaseResult, TestRunSummary } from "@/lib/test-cases/run-test-cases";
import type { Expectation } from "@/lib/test-cases/test-case-input";
import { type TargetRef, type TestTarget, targetPath } from "@/lib/test-cases/test-target";

export type { CaseResult, Expectation, TestRunSummary };
export type TestCase = TargetRef & { id: string; name: string; input: Record<string, unknown>; expectations: Expectation[] };
export type LastResult = TargetRef & {
  case: string;
  result: CaseResult | null;
  run: { id: string; createdAt: string; actorLabel: string } | null;
};
export type TestGate = "off" | "advisory" | "required";

/** The saved cases of a tool, prompt or resource. */
export function useTargetTestCases(org: string, project: string, target: TestTarget) {
  return useQuery({
    queryKey: [...queryKeys.testCases(org, project), target.kind, target.name],
    queryFn: async () => (await apiFetch<{ data: TestCase[] }>(`${projectPath(org, project)}/${targetPath(target)}/test-cases`)).data,
  });
}

export function useCreateTestCase(org: string, project: string, target: TestTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; input: Record<string, unknown>; expectations: Expectation[] } | { fromPreset: string }) =>
      apiFetch<TestCase>(`${projectPath(org, project)}/${targetPath(target)}/test-cases`, { method: "POST", body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.testCases(org, project) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.testRuns(org, project) });
      markDraftChanged(queryClient, org, project);
    },
  });
}

/** Recent runs and the last result of every case (the Tests page). */
export function useTestRuns(org: string, project: string) {
  return useQuery({
    queryKey: queryKeys.testRuns(org, project),
    queryFn: () => apiFetch<{ runs: TestRunSummary[]; lastResults: LastResult[] }>(`${projectPath(org, project)}/test-runs`),
  });
}

/** Runs all cases, one tool's (prompt's, resource's), or one case on the draft, as the signed-in member. */
export function useRunTests(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: TargetRef & { case?: string } = {}) =>
      apiFetch<TestRunSummary>(`${projectPath(org, project)}/test-runs`, { method: "POST", body: scope }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.testRuns(org, project) }),
  });
}

export function useTestGate(org: string, project: string) {
  return useQuery({
    queryKey: queryKeys.testGate(org, project),
    queryFn: async () => (await apiFetch<{ testGate: TestGate }>(`${projectPath(org, project)}/test-gate`)).testGate,
  });
}

export function useSetTestGate(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (testGate: TestGate) =>
      apiFetch<{ testGate: TestGate }>(`${projectPath(org, project)}/test-gate`, { method: "PUT", body: { testGate } }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.testGate(org, project), data.testGate),
  });
}
