"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useTestRuns } from "@/lib/hooks/use-test-cases";
import { targetKey, targetLabel } from "@/lib/test-cases/test-case-input";
import { CaseResultView, ResultBadge } from "./case-result";
import { RunAllTestsButton } from "./run-all-tests-button";
import { TestGateSetting } from "./test-gate-setting";

/** The Tests page: the last result of every saved case, Run all tests, and the publish gate. */
export function TestsView({
  org,
  project,
  canRun,
  canConfigure,
}: {
  org: string;
  project: string;
  canRun: boolean;
  canConfigure: boolean;
}) {
  const runs = useTestRuns(org, project);
  if (runs.isPending) return <Spinner />;
  if (runs.isError) return <p role="alert">{errorMessage(runs.error)}</p>;
  const { lastResults, runs: history } = runs.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        {canRun && lastResults.length > 0 && <RunAllTestsButton org={org} project={project} />}
        <TestGateSetting org={org} project={project} canConfigure={canConfigure} />
      </div>
      {lastResults.length === 0 ? (
        <EmptyState
          title="No test cases yet"
          description="Run a tool, prompt or resource in its test panel and choose Save as test case, or turn a preset into a case."
        />
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line" aria-label="Test cases">
          {lastResults.map((item) => (
            <li key={`${targetKey(item)}/${item.case}`} className="space-y-2 p-4">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                  <ResultBadge result={item.result} />
                  <span className="font-mono text-sm">
                    {targetLabel(item)} · {item.case}
                  </span>
                  {item.run && (
                    <span className="text-xs text-muted">
                      {new Date(item.run.createdAt).toLocaleString()} by {item.run.actorLabel}
                    </span>
                  )}
                </summary>
                {item.result && (
                  <div className="mt-3">
                    <CaseResultView result={item.result} />
                  </div>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
      {history.length > 0 && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold">Runs</h3>
          <ul className="space-y-1 text-sm text-muted">
            {history.slice(0, 20).map((run) => (
              <li key={run.id}>
                {new Date(run.createdAt).toLocaleString()} · {run.actorLabel} · draft revision {run.draftRevision} · {run.passed} passed,{" "}
                {run.failed} failed
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
