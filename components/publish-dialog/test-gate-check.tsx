"use client";

import { useEffect } from "react";
import { CaseResultView } from "@/components/tests/case-result";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { TestGate, TestRunSummary } from "@/lib/hooks/use-test-cases";
import { targetKey, targetLabel } from "@/lib/test-cases/test-target";

export type GateState = { blocked: boolean };

/** The Publish dialog's one run of the suite on the draft (publish-dialog.tsx), as this section reads it. */
export type DraftRunState = { data?: TestRunSummary; isPending: boolean; isError: boolean; error: unknown };

/**
 * The publish gate in the Publish dialog: shows the dialog's run of the suite on the draft when
 * the project's gate is advisory or required, each failing case, and (required) blocks Publish
 * unless an Owner or Admin writes a reason (a run that could not be made is shown, with Try again,
 * by the dialog). Publish sends that run's id, so the server reuses it
 * while the draft is unchanged (and runs the suite itself otherwise) and enforces the same rule.
 */
export function TestGateCheck({
  mode,
  run,
  total,
  canOverride,
  overrideReason,
  onOverrideReasonChange,
  onStateChange,
}: {
  /** The project's gate; undefined while it loads. */
  mode: TestGate | undefined;
  run: DraftRunState;
  /** How many cases there are, for the progress line while they run. */
  total: number | undefined;
  canOverride: boolean;
  overrideReason: string;
  onOverrideReasonChange: (value: string) => void;
  onStateChange: (state: GateState) => void;
}) {
  const failing = run.data?.results.filter((result) => !result.passed) ?? [];
  const checking = mode === undefined || (mode !== "off" && !run.data && !run.isError);
  const blocked = mode === "required" && (checking || run.isError || (failing.length > 0 && !(canOverride && overrideReason.trim())));
  useEffect(() => onStateChange({ blocked }), [blocked, onStateChange]);

  if (!mode || mode === "off") return null;
  return (
    <section aria-label="Test cases" className="space-y-2">
      <h3 className="text-sm font-semibold">Test cases ({mode === "required" ? "required to pass" : "advisory"})</h3>
      {run.isPending && (
        <p role="status" className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Running {total === undefined ? "the test cases" : `${total} test case${total === 1 ? "" : "s"}`} on the draft…
        </p>
      )}
      {run.data && failing.length === 0 && (
        <p role="status" className="text-sm text-success">
          All {run.data.results.length} test cases pass on the draft.
        </p>
      )}
      {failing.length > 0 && (
        <Alert
          tone={mode === "required" ? "danger" : "warning"}
          title={`${failing.length} of ${run.data?.results.length} test cases fail on the draft`}
        >
          <ul className="space-y-3">
            {failing.map((result) => (
              <li key={`${targetKey(result)}/${result.case}`} className="space-y-1">
                <p className="font-mono text-sm">
                  {targetLabel(result)} · {result.case}
                </p>
                <CaseResultView result={result} />
              </li>
            ))}
          </ul>
          {mode === "required" && !canOverride && <p className="mt-2">Fix them to publish, or ask an Owner or Admin.</p>}
        </Alert>
      )}
      {mode === "required" && failing.length > 0 && canOverride && (
        <Field
          label="Reason to publish anyway"
          hint="Owners and Admins may override the gate. The reason is kept in the audit log and the publish history."
        >
          {(control) => (
            <Textarea
              {...control}
              name="overrideReason"
              rows={2}
              value={overrideReason}
              onChange={(event) => onOverrideReasonChange(event.target.value)}
            />
          )}
        </Field>
      )}
    </section>
  );
}
