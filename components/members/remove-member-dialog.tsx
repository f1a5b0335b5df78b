"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { Member } from "@/lib/hooks/api-types";
import { useRemoveMember } from "@/lib/hooks/use-members";

/** Who is being removed; `leaving` when it is me. */
export type Removal = { member: Member; leaving: boolean };

/** Confirms removing a member, or leaving the organization (then goes home). */
export function RemoveMemberDialog({ org, organizationName, removal, onClose }: { org: string; organizationName: string; removal: Removal | null; onClose: () => void }) {
  const toast = useToast();
  const removeMember = useRemoveMember(org);
  const [error, setError] = useState<string | null>(null);
  const leaving = removal?.leaving ?? false;
  const who = removal ? removal.member.user.name || removal.member.user.email : "";

  function confirm() {
    if (!removal) return;
    removeMember.mutate(
      { userId: removal.member.userId },
      {
        onSuccess: () => {
          onClose();
          if (leaving) {
            // A full load: cached pages of the organization I just left must not be reused.
            window.location.assign("/");
          } else {
            toast(`${who} was removed from ${organizationName}`);
          }
        },
        onError: (caught) => setError(errorMessage(caught)),
      },
    );
  }

  return (
    <Dialog
      open={removal !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
      title={leaving ? `Leave ${organizationName}?` : `Remove ${who}?`}
      description={
        leaving
          ? "You will lose access to its projects at once. An Owner or Admin can invite you again."
          : `${who} will lose access to ${organizationName} and its projects at once, and stops being a project owner.`
      }
    >
      {error && <p role="alert" className="text-sm text-danger">{error}</p>}
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" loading={removeMember.isPending} onClick={confirm}>
          {leaving ? "Leave organization" : "Remove member"}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
