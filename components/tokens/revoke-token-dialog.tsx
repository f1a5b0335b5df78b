"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Confirms revoking `token` (open while it is set); it stops working on its next request. */
export function RevokeTokenDialog({
  token,
  description,
  revoke,
  pending,
  onClose,
}: {
  token: { id: string; name: string } | null;
  description: string;
  revoke: (id: string) => Promise<unknown>;
  pending: boolean;
  onClose: () => void;
}) {
  const toast = useToast();
  return (
    <ConfirmDialog
      open={token !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Revoke “${token?.name ?? ""}”?`}
      description={description}
      confirmLabel="Revoke token"
      pending={pending}
      onConfirm={async () => {
        if (!token) return;
        await revoke(token.id);
        toast(`Revoked “${token.name}”`);
        onClose();
      }}
    />
  );
}
