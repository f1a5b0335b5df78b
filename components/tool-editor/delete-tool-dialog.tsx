"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useDeleteTool } from "@/lib/hooks/use-tools";

export function DeleteToolDialog({ org, project, tool, listHref }: { org: string; project: string; tool: string; listHref: string }) {
  const router = useRouter();
  const deleteTool = useDeleteTool(org, project, tool);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setError(null);
        }}
        title={`Delete ${tool}?`}
        description="It disappears from the draft endpoint at once, with its secrets and presets. Production keeps serving the published version until the next publish."
      >
        {error && <Alert tone="danger">{error}</Alert>}
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="danger"
            loading={deleteTool.isPending}
            onClick={() =>
              deleteTool.mutate(undefined, {
                onSuccess: () => {
                  router.push(listHref);
                  router.refresh();
                },
                onError: (caught) => setError(errorMessage(caught)),
              })
            }
          >
            Delete tool
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
