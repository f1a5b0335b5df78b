"use client";

// The test panel calls the real draft endpoint (/mcp/{org}/{project}/draft) through the MCP SDK
// v2 client in the browser — no shortcut through the admin API — so what it shows is what a host
// gets. It runs as the signed-in member: the studio mints a short-lived credential for the draft
// endpoint bound to this user (lib/hooks/use-test-panel-token.ts), renewed silently, so it works
// in every tab and for every role that may test, and never touches the project's shared draft
// token (which stays for hosts and scripts). Calls are recorded as "Atelier test panel for <you>".
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, errorMessage } from "@/lib/hooks/api-fetch";
import { useTestPanelToken } from "@/lib/hooks/use-test-panel-token";
import type { Tool } from "@/lib/hooks/use-tools";
import { queryKeys } from "@/lib/query-keys";
import { ToolRunner } from "./tool-runner";

export function TestPanel({
  org,
  project,
  tool,
  canRun,
  hasUnsavedChanges,
}: {
  org: string;
  project: string;
  tool: Tool;
  canRun: boolean;
  hasUnsavedChanges: boolean;
}) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const credential = useTestPanelToken(org, project, { enabled: canRun });
  const [notice, setNotice] = useState<string | null>(null);
  // A renewal refused because access is gone (role changed, removed): stop offering Run with the old credential.
  const accessLost = credential.error instanceof ApiError && [401, 403, 404].includes(credential.error.status);

  return (
    <aside
      id="test-panel"
      aria-labelledby={titleId}
      className="min-w-0 scroll-mt-4 self-start rounded-xl border border-line bg-surface shadow-xs lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto"
    >
      <div className="border-b border-line px-4 py-3">
        <h3 id={titleId} className="text-base font-semibold">
          Test panel
        </h3>
        <p className="text-xs text-muted">Runs the saved tool on the draft endpoint, over MCP, as you.</p>
      </div>
      <div className="space-y-4 p-4">
        {!canRun ? (
          <p className="text-sm text-muted">Running tools on the draft endpoint needs the Editor role or above.</p>
        ) : credential.data && !accessLost ? (
          <>
            {notice && <Alert tone="warning">{notice}</Alert>}
            {hasUnsavedChanges && (
              <Alert tone="warning">The test panel runs the saved version. Save (Ctrl+S) to test your latest changes.</Alert>
            )}
            <ToolRunner
              key={tool.name}
              org={org}
              project={project}
              tool={tool}
              token={credential.data.token}
              canSavePresets={canRun}
              onTokenRefused={() => {
                // Expired while the computer slept, or the role changed: get a fresh one (refused again if the role is gone).
                setNotice("The draft endpoint refused the test panel's credential. It has been renewed: run again.");
                void queryClient.invalidateQueries({ queryKey: queryKeys.testPanelToken(org, project) });
              }}
            />
          </>
        ) : credential.isError ? (
          <Alert tone="danger" title="The test panel could not connect">
            <p className="mb-2">{errorMessage(credential.error)}</p>
            <Button size="sm" onClick={() => void credential.refetch()} loading={credential.isFetching}>
              Try again
            </Button>
          </Alert>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted">
            <Spinner /> Connecting to the draft endpoint…
          </p>
        )}
      </div>
    </aside>
  );
}
