"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * A "Delete" button for a page's own resource: confirms, deletes, then leaves for `listHref`
 * (the page it was on no longer exists). A refusal from the server stays in the dialog.
 */
export function DeleteButton({
  title,
  description,
  confirmLabel,
  errorTitle,
  pending,
  onDelete,
  listHref,
}: {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: ReactNode;
  errorTitle?: ReactNode;
  pending: boolean;
  onDelete: () => Promise<unknown>;
  listHref: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        errorTitle={errorTitle}
        pending={pending}
        onConfirm={async () => {
          await onDelete();
          router.push(listHref);
          router.refresh();
        }}
      />
    </>
  );
}
