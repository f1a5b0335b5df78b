"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { Member } from "@/lib/hooks/api-types";
import { useRemoveMember } from "@/lib/hooks/use-members";

/** Who is being removed; `leaving` when it is me. */
export type Removal = { member: Member; leaving: boolean };

/** Confirms removing a member, or leaving the organization (then goes home). */
export function RemoveMemberDialog({
  org,
  organizationName,
  removal,
  onClose,
}: {
  org: string;
  organizationName: string;
  removal: Removal | null;
  onClose: () => void;
}) {
  const toast = useToast();
  const removeMember = useRemoveMember(org);
  const leaving = removal?.leaving ?? false;
  const who = removal ? removal.member.user.name || removal.member.user.email : "";

  async function confirm() {
    if (!removal) return;
    await removeMember.mutateAsync({ userId: removal.member.userId });
    onClose();
    if (leaving) {
      // A full load: cached pages of the organization I just left must not be reused.
      window.location.assign("/");
    } else {
      toast(`${who} was removed from ${organizationName}`);
    }
  }

  return (
    <ConfirmDialog
      open={removal !== null}
      onOpenChange={(open) => !open && onClose()}
      title={leaving ? `Leave ${organizationName}?` : `Remove ${who}?`}
      description={
        leaving
          ? "You will lose access to its projects at once. An Owner or Admin can invite you again."
          : `${who} will lose access to ${organizationName} and its projects at once, and stops being a project owner.`
      }
      confirmLabel={leaving ? "Leave organization" : "Remove member"}
      pending={removeMember.isPending}
      onConfirm={confirm}
    />
  );
}
