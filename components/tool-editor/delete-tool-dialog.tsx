"use client";

import { DeleteButton } from "@/components/ui/delete-button";
import { useDeleteTool } from "@/lib/hooks/use-tools";

export function DeleteToolDialog({ org, project, tool, listHref }: { org: string; project: string; tool: string; listHref: string }) {
  const deleteTool = useDeleteTool(org, project, tool);
  return (
    <DeleteButton
      title={`Delete ${tool}?`}
      description="It disappears from the draft endpoint at once, with its secrets and presets. Production keeps serving the published version until the next publish."
      confirmLabel="Delete tool"
      pending={deleteTool.isPending}
      onDelete={() => deleteTool.mutateAsync()}
      listHref={listHref}
    />
  );
}
