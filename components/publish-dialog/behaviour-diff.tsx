"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { apiFetch, errorMessage } from "@/lib/hooks/api-fetch";
import { projectPath } from "@/lib/hooks/use-projects";
import type { BehaviourDiff } from "@/lib/test-cases/behaviour-diff";
import { targetKey, targetLabel } from "@/lib/test-cases/test-target";

function pretty(value: unknown) {
  return JSON.stringify(value, null, 2) ?? "—";
}

/**
 * Next to the schema diff: every saved case run on production and on the draft, and the cases
 * whose results differ side by side, breaking when production passed and the draft fails. The
 * draft side is the dialog's run (`draftRunId`): only production runs here, again for each new draft run.
 */
export function BehaviourDiffSection({
  org,
  project,
  hasProduction,
  draftRunId,
  draftRunFailed,
}: {
  org: string;
  project: string;
  hasProduction: boolean;
  /** The dialog's run of the suite on the draft, once it is there. */
  draftRunId: string | undefined;
  /** The draft run could not be made: nothing to compare (the dialog says why, with Try again). */
  draftRunFailed: boolean;
}) {
  const diff = useMutation({
    mutationFn: (runId: string) =>
      apiFetch<BehaviourDiff>(`${projectPath(org, project)}/behaviour-diff`, { method: "POST", body: { draftRunId: runId } }),
  });
  const diffedRun = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (hasProduction && draftRunId && diffedRun.current !== draftRunId) {
      diffedRun.current = draftRunId;
      diff.mutate(draftRunId);
    }
  }, [hasProduction, draftRunId, diff]);
  if (!hasProduction || draftRunFailed) return null;
  // A diff of an earlier draft run (the preview was refreshed since) is not shown while the new one runs.
  const current = diff.variables === draftRunId;
  return (
    <section aria-label="Behaviour changes" className="space-y-2">
      <h3 className="text-sm font-semibold">Behaviour changes</h3>
      {(diff.isPending || diff.isIdle || !current) && (
        <p role="status" className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Running the test cases on production and on the draft…
        </p>
      )}
      {current && diff.isError && <Alert tone="danger">{errorMessage(diff.error)}</Alert>}
      {current && diff.data && diff.data.draftRun.results.length === 0 && <p className="text-sm text-muted">No test cases to compare.</p>}
      {current && diff.data && diff.data.draftRun.results.length > 0 && diff.data.changed.length === 0 && (
        <p role="status" className="text-sm text-muted">
          All {diff.data.draftRun.results.length} test cases behave on the draft as on production (v{diff.data.productionVersion}).
        </p>
      )}
      {current && diff.data && diff.data.changed.length > 0 && (
        <ul className="space-y-3">
          {diff.data.changed.map((change) => (
            <li key={`${targetKey(change)}/${change.case}`} className="space-y-2 rounded-lg border border-line p-3">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                {change.breaking && <Badge tone="danger">Breaking</Badge>}
                <span className="font-mono">
                  {targetLabel(change)} · {change.case}
                </span>
                {change.changes.length > 0 && <span className="text-muted">{change.changes.join("; ")}</span>}
              </p>
              <div className="grid gap-2 sm:grid-cols-2">
                {(["production", "draft"] as const).map((side) => (
                  <div key={side} className="min-w-0 space-y-1">
                    <p className="text-xs font-medium text-muted">
                      {side === "production" ? `Production v${diff.data?.productionVersion}` : "Draft"} ·{" "}
                      {change[side].passed ? "passes" : "fails"}
                    </p>
                    <pre className="overflow-x-auto rounded-control bg-subtle p-2 font-mono text-xs">
                      {pretty(
                        change[side].outcome.isError
                          ? (change[side].outcome.text[0] ?? change[side].outcome.protocolError)
                          : change[side].outcome.structuredContent,
                      )}
                    </pre>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
