"use client";

import { useState } from "react";
import { ROLE_LABELS } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-button";
import { FormattedDate } from "@/components/ui/date";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { Invitation } from "@/lib/hooks/api-types";
import { fetchInvitationLink, useInvitations, useResendInvitation, useRevokeInvitation } from "@/lib/hooks/use-invitations";

const isExpired = (invitation: Invitation) => new Date(invitation.expiresAt).getTime() <= Date.now();

/** Invitations sent but not accepted (expired ones too): copy the link again, resend, or revoke. */
export function PendingInvitations({ org, initialInvitations }: { org: string; initialInvitations: Invitation[] }) {
  const { data: invitations = initialInvitations } = useInvitations(org, { initialData: initialInvitations });
  const resend = useResendInvitation(org);
  const revoke = useRevokeInvitation(org);
  const toast = useToast();
  const [shown, setShown] = useState<{ email: string; link: string } | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [loadingLink, setLoadingLink] = useState<string | null>(null);

  function copyLink(invitation: Invitation) {
    setLoadingLink(invitation.id);
    fetchInvitationLink(org, invitation.id)
      .then(
        ({ link }) => setShown({ email: invitation.email, link }),
        (error: unknown) => toast(errorMessage(error), "error"),
      )
      .finally(() => setLoadingLink(null));
  }

  function resendInvitation(invitation: Invitation) {
    resend.mutate(invitation.id, {
      onSuccess: (resent) => {
        if (resent.delivery.sent) toast(`Invitation emailed again to ${resent.email}`);
        else {
          toast(`Valid for 7 more days. ${resent.delivery.message}`);
          setShown({ email: resent.email, link: resent.link });
        }
      },
      onError: (error) => toast(errorMessage(error), "error"),
    });
  }

  return (
    <section aria-labelledby="pending-invitations" className="space-y-3">
      <h2 id="pending-invitations" className="text-base font-semibold">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
          No pending invitations. Invite someone with “Invite member”.
        </p>
      ) : (
        <ul aria-labelledby="pending-invitations" className="divide-y divide-line rounded-xl border border-line bg-surface shadow-xs">
          {invitations.map((invitation) => (
            <li key={invitation.id} aria-label={invitation.email} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
              <span className="min-w-0 flex-1 truncate font-medium" title={invitation.email}>
                {invitation.email}
              </span>
              <Badge>{ROLE_LABELS[invitation.role]}</Badge>
              {isExpired(invitation) ? (
                <Badge tone="danger">
                  Expired <FormattedDate value={invitation.expiresAt} />
                </Badge>
              ) : (
                <span className="text-xs text-muted">
                  Expires <FormattedDate value={invitation.expiresAt} />
                </span>
              )}
              <span className="flex gap-2">
                <Button size="sm" onClick={() => copyLink(invitation)} loading={loadingLink === invitation.id}>
                  Copy link
                </Button>
                <Button
                  size="sm"
                  onClick={() => resendInvitation(invitation)}
                  loading={resend.isPending && resend.variables === invitation.id}
                >
                  Resend
                </Button>
                <Button size="sm" variant="danger-outline" onClick={() => setRevoking(invitation)}>
                  Revoke
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <Dialog open={shown !== null} onOpenChange={(open) => !open && setShown(null)} title="Invitation link">
        {shown && (
          <div className="space-y-4">
            <p className="text-sm text-muted">
              Send this link to <span className="font-medium text-fg">{shown.email}</span>. They join when they open it signed in with that
              address.
            </p>
            <CopyField label="Invitation link" value={shown.link} />
            <DialogFooter>
              <Button variant="primary" onClick={() => setShown(null)}>
                Done
              </Button>
            </DialogFooter>
          </div>
        )}
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke the invitation for ${revoking?.email ?? ""}?`}
        description="Its link stops working at once. You can invite them again later."
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        errorTitle="The invitation was not revoked"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          toast(`Invitation for ${revoking.email} revoked`);
          setRevoking(null);
        }}
      >
        {revoking && isExpired(revoking) && <Alert tone="info">This invitation has already expired.</Alert>}
      </ConfirmDialog>
    </section>
  );
}
