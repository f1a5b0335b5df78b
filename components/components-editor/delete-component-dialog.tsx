"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useDeleteComponent } from "@/lib/hooks/use-components";

/** Deleting is refused while a tool uses the component; the server's message names those tools. */
export function DeleteComponentDialog({ org, project, name, listHref }: { org: string; project: string; name: string; listHref: string }) {
  const router = useRouter();
  const deleteComponent = useDeleteComponent(org, project, name);
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
        title={`Delete ${name}?`}
        description="It disappears from the draft endpoint at once. Components used by a UI Tool can't be deleted."
      >
        {error && (
          <Alert tone="danger" title="Not deleted">
            {error}
          </Alert>
        )}
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="danger"
            loading={deleteComponent.isPending}
            onClick={() =>
              deleteComponent.mutate(undefined, {
                onSuccess: () => {
                  router.push(listHref);
                  router.refresh();
                },
                onError: (caught) => setError(errorMessage(caught)),
              })
            }
          >
            Delete component
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
