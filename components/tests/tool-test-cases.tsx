"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useRunTests, useTargetTestCases, useTestRuns } from "@/lib/hooks/use-test-cases";
import { type TestTarget, targetOf, targetRef } from "@/lib/test-cases/test-target";
import { CaseResultView, ResultBadge } from "./case-result";

/** A tool's saved cases in its test panel. */
export function ToolTestCases({ org, project, toolName }: { org: string; project: string; toolName: string }) {
  return <TargetTestCases org={org} project={project} target={{ kind: "tool", name: toolName }} />;
}

/** A tool's, prompt's or resource's saved cases in its test panel, each with its last result, run one or all. */
export function TargetTestCases({ org, project, target }: { org: string; project: string; target: TestTarget }) {
  const cases = useTargetTestCases(org, project, target);
  const runs = useTestRuns(org, project);
  const run = useRunTests(org, project);
  if (!cases.data || cases.data.length === 0) return null;
  const scope = targetRef(target);
  const lastOf = (name: string) =>
    runs.data?.lastResults.find((item) => {
      const owner = targetOf(item);
      return owner.kind === target.kind && owner.name === target.name && item.case === name;
    })?.result ?? null;
  return (
    <section aria-label="Test cases" className="space-y-3 border-t border-line pt-4">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">Test cases</h4>
        <Button size="sm" loading={run.isPending && !run.variables?.case} onClick={() => run.mutate(scope)}>
          Run all
        </Button>
      </div>
      {run.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(run.error)}
        </p>
      )}
      <ul className="space-y-3">
        {cases.data.map((testCase) => {
          const last = lastOf(testCase.name);
          return (
            <li key={testCase.id} className="space-y-2">
              <div className="flex items-center gap-2">
                <ResultBadge result={last} />
                <span className="flex-1 font-mono text-sm">{testCase.name}</span>
                <Button
                  size="sm"
                  aria-label={`Run ${testCase.name}`}
                  loading={run.isPending && run.variables?.case === testCase.name}
                  onClick={() => run.mutate({ ...scope, case: testCase.name })}
                >
                  Run
                </Button>
              </div>
              {last && !last.passed && <CaseResultView result={last} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
