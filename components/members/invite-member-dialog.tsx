"use client";

import { useState, type FormEvent } from "react";
import { assignableRoles, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/components/members/roles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import type { CreatedInvitation, Role } from "@/lib/hooks/api-types";
import { useCreateInvitation } from "@/lib/hooks/use-invitations";
import { emailSchema } from "@/lib/validation/common";

function InviteForm({
  org,
  myRole,
  onCreated,
  onCancel,
}: {
  org: string;
  myRole: Role;
  onCreated: (invitation: CreatedInvitation) => void;
  onCancel: () => void;
}) {
  const createInvitation = useCreateInvitation(org);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [role, setRole] = useState<Role>("EDITOR");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = emailSchema.safeParse(new FormData(event.currentTarget).get("email") ?? "");
    setFormError(null);
    if (!email.success) {
      setEmailError(`Email ${email.error.issues[0].message}`);
      return;
    }
    setEmailError(undefined);
    createInvitation.mutate(
      { email: email.data, role },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          if (fields.email) setEmailError(`Email ${fields.email}`);
          else setFormError(errorMessage(error));
        },
      },
    );
  }

  return (
    <form className="space-y-4" onSubmit={onSubmit} noValidate>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <Field label="Email" error={emailError}>
        {(control) => (
          <Input {...control} name="email" type="email" autoComplete="off" placeholder="teammate@example.com" autoFocus required />
        )}
      </Field>
      <Field label="Role" hint={ROLE_DESCRIPTIONS[role]}>
        {(control) => (
          <Select {...control} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {assignableRoles(myRole, null).map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={createInvitation.isPending}>
          Send invitation
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "Invite member": email + role, then the invitation link to share, with a copy button. */
export function InviteMemberDialog({ org, myRole }: { org: string; myRole: Role }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Invite member
      </Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={created ? (created.delivery.sent ? "Invitation sent" : "Invitation created") : "Invite member"}
        description={created ? undefined : "They join with this role when they open the link signed in with this email."}
      >
        {created ? (
          <div className="space-y-4">
            {created.delivery.sent ? (
              <Alert tone="success">
                Invitation emailed to <span className="font-medium">{created.email}</span>. It joins them as {ROLE_LABELS[created.role]} and
                expires in 7 days. You can also share the link yourself.
              </Alert>
            ) : (
              <>
                {created.delivery.reason === "failed" && <Alert tone="warning">{created.delivery.message}</Alert>}
                <p className="text-sm text-muted">
                  Send this link to <span className="font-medium text-fg">{created.email}</span>. It joins them as{" "}
                  {ROLE_LABELS[created.role]} and expires in 7 days.
                  {created.delivery.reason === "not_configured" && " (Email is not configured on this server, so nothing was sent.)"}
                </p>
              </>
            )}
            <CopyField label="Invitation link" value={created.link} />
            <DialogFooter>
              <Button variant="primary" onClick={() => onOpenChange(false)}>
                Done
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <InviteForm org={org} myRole={myRole} onCreated={setCreated} onCancel={() => onOpenChange(false)} />
        )}
      </Dialog>
    </>
  );
}
