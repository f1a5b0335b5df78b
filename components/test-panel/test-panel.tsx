"use client";

// The test panel calls the real draft endpoint (/mcp/{org}/{project}/draft) through the MCP SDK
// v2 client in the browser — no shortcut through the admin API — so what it shows is what a host
// gets. Decision on the token: the draft token is stored hashed and the studio can't read it, and
// no route reveals it. The browser gets it only when the user rotates it here ("Rotate and
// connect", the rotation response carries it once) or pastes it; it is kept in sessionStorage per
// project (lib/hooks/use-draft-token.ts) so the panel keeps working for the rest of the tab's
// session. A 401 (rotated elsewhere) forgets it and asks to connect again.
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { forgetDraftToken, useSessionDraftToken } from "@/lib/hooks/use-draft-token";
import type { Tool } from "@/lib/hooks/use-tools";
import { ConnectCard } from "./connect-card";
import { ToolRunner } from "./tool-runner";

export function TestPanel({
  org,
  project,
  tool,
  canRun,
  canRotateDraftToken,
  hasUnsavedChanges,
}: {
  org: string;
  project: string;
  tool: Tool;
  canRun: boolean;
  canRotateDraftToken: boolean;
  hasUnsavedChanges: boolean;
}) {
  const titleId = useId();
  const token = useSessionDraftToken(org, project);
  const [notice, setNotice] = useState<string | null>(null);
  const [rotatedToken, setRotatedToken] = useState<string | null>(null);

  return (
    <aside aria-labelledby={titleId} className="min-w-0 self-start rounded-xl border border-line bg-surface shadow-xs">
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold">
            Test panel
          </h3>
          <p className="text-xs text-muted">Runs the saved tool on the draft endpoint, over MCP.</p>
        </div>
        {canRun && token && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setRotatedToken(null);
              forgetDraftToken(org, project);
            }}
          >
            Disconnect
          </Button>
        )}
      </div>
      <div className="space-y-4 p-4">
        {!canRun ? (
          <p className="text-sm text-muted">Running tools on the draft endpoint needs the Editor role or above.</p>
        ) : !token ? (
          <ConnectCard
            org={org}
            project={project}
            canRotate={canRotateDraftToken}
            notice={notice}
            onRotated={(value) => {
              setNotice(null);
              setRotatedToken(value);
            }}
          />
        ) : (
          <>
            {rotatedToken === token && (
              <Alert tone="success" title="New draft token">
                <p className="mb-2">Copy it now for other hosts: you won&apos;t see it again. This tab keeps it for the test panel.</p>
                <CopyField label="New draft token" value={rotatedToken} />
                <Button size="sm" variant="ghost" className="mt-2" onClick={() => setRotatedToken(null)}>
                  Dismiss
                </Button>
              </Alert>
            )}
            {hasUnsavedChanges && (
              <Alert tone="warning">The test panel runs the saved version. Save (Ctrl+S) to test your latest changes.</Alert>
            )}
            <ToolRunner
              key={`${tool.name}:${token}`}
              org={org}
              project={project}
              tool={tool}
              token={token}
              canSavePresets={canRun}
              onTokenRefused={(message) => {
                setNotice(message);
                forgetDraftToken(org, project);
              }}
            />
          </>
        )}
      </div>
    </aside>
  );
}
