"use client";

import { DeleteButton } from "@/components/ui/delete-button";
import { useDeleteComponent } from "@/lib/hooks/use-components";

/** Deleting is refused while a tool uses the component; the server's message names those tools. */
export function DeleteComponentDialog({ org, project, name, listHref }: { org: string; project: string; name: string; listHref: string }) {
  const deleteComponent = useDeleteComponent(org, project, name);
  return (
    <DeleteButton
      title={`Delete ${name}?`}
      description="It disappears from the draft endpoint at once. Components used by a UI Tool can't be deleted."
      confirmLabel="Delete component"
      errorTitle="Not deleted"
      pending={deleteComponent.isPending}
      onDelete={() => deleteComponent.mutateAsync()}
      listHref={listHref}
    />
  );
}
