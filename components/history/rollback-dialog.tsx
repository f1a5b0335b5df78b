"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useRollback } from "@/lib/hooks/use-packages";

/** "Roll back" and its confirmation: production serves `version` again; nothing new is published. */
export function RollbackButton({
  org,
  project,
  version,
  size = "sm",
}: {
  org: string;
  project: string;
  version: string;
  size?: "sm" | "md";
}) {
  const router = useRouter();
  const toast = useToast();
  const rollback = useRollback(org, project);
  const [open, setOpen] = useState(false);

  // mutateAsync, not mutate's callbacks: once this version is production its item re-renders
  // without this button, and callbacks of an unmounted mutate never run.
  async function confirm() {
    await rollback.mutateAsync(version);
    toast(`Production now serves v${version}`);
    setOpen(false);
    // The header and the Server tab are server-rendered: show the new production there too.
    router.refresh();
  }

  return (
    <>
      <Button size={size} variant="danger-outline" onClick={() => setOpen(true)}>
        Roll back
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Roll back production to v${version}?`}
        description="Hosts see these tools on their next request. Nothing new is published."
        confirmLabel="Roll back production"
        pending={rollback.isPending}
        onConfirm={confirm}
      >
        <p className="text-sm text-muted">The later versions stay in History, and you can point production at any of them again.</p>
      </ConfirmDialog>
    </>
  );
}
