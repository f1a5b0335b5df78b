"use client";

// A role change is confirmed before it is made: it changes what someone may do at once, and
// making someone Owner hands over everything, including taking the role back.
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Member, Role } from "@/lib/hooks/api-types";

export type RoleChange = { member: Member; role: Role };

export function RoleChangeDialog({
  change,
  organizationName,
  pending,
  onConfirm,
  onClose,
}: {
  change: RoleChange | null;
  organizationName: string;
  pending: boolean;
  onConfirm: (change: RoleChange) => Promise<unknown>;
  onClose: () => void;
}) {
  const name = change ? change.member.user.name || change.member.user.email : "";
  const toOwner = change?.role === "OWNER";
  const fromOwner = change?.member.role === "OWNER";
  return (
    <ConfirmDialog
      open={change !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={change ? (toOwner ? `Make ${name} an Owner?` : `Change ${name}'s role to ${ROLE_LABELS[change.role]}?`) : ""}
      description={
        change ? `${ROLE_LABELS[change.member.role]} → ${ROLE_LABELS[change.role]}: ${ROLE_DESCRIPTIONS[change.role]}.` : undefined
      }
      confirmLabel={toOwner ? "Make Owner" : "Change role"}
      tone={toOwner || fromOwner ? "danger" : "primary"}
      pending={pending}
      errorTitle="The role was not changed"
      onConfirm={async () => {
        if (!change) return;
        await onConfirm(change);
        onClose();
      }}
    >
      {toOwner && (
        <Alert tone="warning">
          Owners can do everything in {organizationName}: manage every member, hand out or take away the Owner role (yours included), and
          delete projects. It applies at once.
        </Alert>
      )}
      {fromOwner && !toOwner && (
        <Alert tone="warning">
          {name} will no longer be an Owner of {organizationName}. It applies at once.
        </Alert>
      )}
    </ConfirmDialog>
  );
}
