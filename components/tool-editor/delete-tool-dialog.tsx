"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTool } from "@/lib/hooks/use-tools";

export function DeleteToolDialog({ org, project, tool, listHref }: { org: string; project: string; tool: string; listHref: string }) {
  const router = useRouter();
  const deleteTool = useDeleteTool(org, project, tool);
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${tool}?`}
        description="It disappears from the draft endpoint at once, with its secrets and presets. Production keeps serving the published version until the next publish."
        confirmLabel="Delete tool"
        pending={deleteTool.isPending}
        onConfirm={async () => {
          await deleteTool.mutateAsync();
          router.push(listHref);
          router.refresh();
        }}
      />
    </>
  );
}
