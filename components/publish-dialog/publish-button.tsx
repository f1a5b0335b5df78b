"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePublishPreview } from "@/lib/hooks/use-publish";
import { PublishDialog } from "./publish-dialog";

/**
 * The project header's Publish button. Everyone sees it; it opens the dialog only for those who
 * may publish and when the draft differs from production, and otherwise says why not.
 */
export function PublishButton({
  org,
  project,
  canPublish,
  canOverrideGate = false,
}: {
  org: string;
  project: string;
  canPublish: boolean;
  canOverrideGate?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const preview = usePublishPreview(org, project, { enabled: canPublish });
  const reasonId = useId();

  let reason: string | null = null;
  if (!canPublish) reason = "Only Owners, Admins and project owners can publish";
  else if (preview.isPending) reason = "Comparing the draft with production…";
  else if (preview.data && !preview.data.changed) {
    reason = preview.data.currentVersion
      ? "Nothing to publish: the draft matches production"
      : "Nothing to publish: the draft has no tools or components yet";
  }
  // A failed preview leaves the button enabled: the dialog shows the error and a way to retry.

  return (
    <>
      <span title={reason ?? undefined} className="inline-flex">
        <Button variant="primary" disabled={reason !== null} aria-describedby={reason ? reasonId : undefined} onClick={() => setOpen(true)}>
          Publish
        </Button>
      </span>
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      {canPublish && <PublishDialog org={org} project={project} canOverrideGate={canOverrideGate} open={open} onOpenChange={setOpen} />}
    </>
  );
}
