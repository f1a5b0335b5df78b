"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { Grant } from "@/lib/hooks/api-types";
import { useRevokeGrant } from "@/lib/hooks/use-grants";
import { endpointLabel, grantTargetName } from "./endpoint-badge";

/** Confirms revoking `grant` (open while it is set): the host's next call gets 401. */
export function RevokeGrantDialog({
  org,
  grant,
  currentUserId,
  onClose,
}: {
  org: string;
  grant: Grant | null;
  currentUserId: string;
  onClose: () => void;
}) {
  const toast = useToast();
  const revokeGrant = useRevokeGrant(org);
  const whose = grant && grant.user.id !== currentUserId ? ` on behalf of ${grant.user.name || grant.user.email}` : "";

  return (
    <ConfirmDialog
      open={grant !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Revoke “${grant?.client.name ?? ""}”?`}
      description={
        grant
          ? `${grant.client.name} loses access to ${grantTargetName(grant)} (${endpointLabel(grant.endpoint.environment)})${whose} on its next request. To use it again, someone must connect and authorize it again.`
          : undefined
      }
      confirmLabel="Revoke access"
      errorTitle="Could not revoke"
      pending={revokeGrant.isPending}
      onConfirm={async () => {
        if (!grant) return;
        await revokeGrant.mutateAsync(grant.id);
        toast(`Revoked ${grant.client.name}`);
        onClose();
      }}
    />
  );
}
