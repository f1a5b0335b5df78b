"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { FormattedDate } from "@/components/ui/date";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRotateDraftToken, type RotatedDraftToken } from "@/lib/hooks/use-draft-token";

/** The draft token's prefix and last rotation; rotation (maintainers only) shows the new token once. */
export function DraftTokenSection({
  org,
  project,
  prefix,
  rotatedAt,
  canRotate,
}: {
  org: string;
  project: string;
  prefix: string | null;
  rotatedAt: string | null;
  canRotate: boolean;
}) {
  const rotate = useRotateDraftToken(org, project);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<RotatedDraftToken | null>(null);
  const current = rotated ? { prefix: rotated.prefix, rotatedAt: rotated.rotatedAt } : { prefix, rotatedAt };

  return (
    <Section
      title="Draft token"
      description="The bearer token of the draft endpoint. It is stored as a hash: nobody can read it back, so a lost token is replaced by rotating."
      footer={
        canRotate ? (
          <>
            <p className="text-xs text-muted">Rotating stops the current token at once, for every host using it.</p>
            <Button size="sm" variant="danger-outline" onClick={() => setConfirming(true)}>
              Rotate draft token
            </Button>
          </>
        ) : (
          <p className="text-xs text-muted">Owners, Admins and project owners rotate the draft token.</p>
        )
      }
    >
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div className="space-y-0.5">
          <dt className="text-xs text-muted">Token</dt>
          <dd className="font-mono text-[13px]">
            {current.prefix ? `${current.prefix}…` : <span className="font-sans text-muted">No draft token yet</span>}
          </dd>
        </div>
        <div className="space-y-0.5">
          <dt className="text-xs text-muted">Last rotated</dt>
          <dd>
            <FormattedDate value={current.rotatedAt} withTime fallback="Never" />
          </dd>
        </div>
      </dl>
      {rotated && (
        <Alert tone="success" title="New draft token">
          <p className="mb-3">
            Copy it now: you won&apos;t see it again. The studio&apos;s test panel doesn&apos;t use it (it runs as you).
          </p>
          <CopyField label="New draft token" value={rotated.token} />
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Rotate the draft token?"
        description="The current token stops working at once: hosts using it (Claude Desktop, MCP Inspector, scripts) get 401 until you give them the new one."
        confirmLabel="Rotate draft token"
        pending={rotate.isPending}
        onConfirm={async () => {
          setRotated(await rotate.mutateAsync());
          setConfirming(false);
        }}
      />
    </Section>
  );
}
