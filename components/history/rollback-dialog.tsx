"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useRollback } from "@/lib/hooks/use-packages";

/** "Roll back" and its confirmation: production serves `version` again; nothing new is published. */
export function RollbackButton({ org, project, version, size = "sm" }: { org: string; project: string; version: string; size?: "sm" | "md" }) {
  const router = useRouter();
  const toast = useToast();
  const rollback = useRollback(org, project);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setError(null);
  };

  // mutateAsync, not mutate's callbacks: once this version is production its item re-renders
  // without this button, and callbacks of an unmounted mutate never run.
  async function confirm() {
    try {
      await rollback.mutateAsync(version);
    } catch (caught) {
      setError(errorMessage(caught));
      return;
    }
    toast(`Production now serves v${version}`);
    close();
    // The header and the Server tab are server-rendered: show the new production there too.
    router.refresh();
  }

  return (
    <>
      <Button size={size} variant="danger-outline" onClick={() => setOpen(true)}>
        Roll back
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title={`Roll back production to v${version}?`}
        description="Hosts see these tools on their next request. Nothing new is published."
      >
        <p className="text-sm text-muted">The later versions stay in History, and you can point production at any of them again.</p>
        {error && <Alert tone="danger" className="mt-4">{error}</Alert>}
        <DialogFooter>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="danger"
            loading={rollback.isPending}
            onClick={confirm}
          >
            Roll back production
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
