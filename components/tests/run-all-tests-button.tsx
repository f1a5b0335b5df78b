"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useRunTests } from "@/lib/hooks/use-test-cases";

/** "Run all tests": every case of the project on the draft, as the signed-in member. */
export function RunAllTestsButton({ org, project, tool }: { org: string; project: string; tool?: string }) {
  const run = useRunTests(org, project);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="primary" loading={run.isPending} onClick={() => run.mutate(tool ? { tool } : {})}>
        {run.isPending ? "Running tests…" : tool ? "Run this tool's tests" : "Run all tests"}
      </Button>
      <span role="status" className="text-sm text-muted">
        {run.data && `${run.data.passed} passed, ${run.data.failed} failed`}
        {run.isError && errorMessage(run.error)}
      </span>
    </div>
  );
}
