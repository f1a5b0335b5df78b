"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteComponent } from "@/lib/hooks/use-components";

/** Deleting is refused while a tool uses the component; the server's message names those tools. */
export function DeleteComponentDialog({ org, project, name, listHref }: { org: string; project: string; name: string; listHref: string }) {
  const router = useRouter();
  const deleteComponent = useDeleteComponent(org, project, name);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${name}?`}
        description="It disappears from the draft endpoint at once. Components used by a UI Tool can't be deleted."
        confirmLabel="Delete component"
        errorTitle="Not deleted"
        pending={deleteComponent.isPending}
        onConfirm={async () => {
          await deleteComponent.mutateAsync();
          router.push(listHref);
          router.refresh();
        }}
      />
    </>
  );
}
