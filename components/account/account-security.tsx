"use client";

import { type FormEvent, useState } from "react";
import { signOutTo } from "@/components/auth/sign-out";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { apiFetch, errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";

type Fields = { currentPassword?: string; newPassword?: string };

function ChangePasswordForm() {
  const [fieldErrors, setFieldErrors] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setFieldErrors({});
    setError(null);
    setDone(null);
    setPending(true);
    try {
      const result = await apiFetch<{ endedSessions: number }>("/app/v1/me/password", {
        method: "PUT",
        body: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") },
      });
      formElement.reset();
      setDone(result.endedSessions);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (Object.keys(fields).length > 0) {
        setFieldErrors({
          currentPassword: fields.currentPassword && `Current password ${fields.currentPassword}`,
          newPassword: fields.newPassword && `New password ${fields.newPassword}`,
        });
      } else setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="max-w-sm space-y-4" onSubmit={onSubmit} noValidate>
      {error && <Alert tone="danger">{error}</Alert>}
      {done !== null && (
        <Alert tone="success">
          Password changed. {done === 1 ? "1 other session was" : `${done} other sessions were`} signed out; this one stays signed in.
        </Alert>
      )}
      <Field label="Current password" error={fieldErrors.currentPassword}>
        {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field label="New password" hint="At least 8 characters." error={fieldErrors.newPassword}>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}

function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function signOutEverywhere() {
    setPending(true);
    try {
      await apiFetch("/app/v1/me/sessions", { method: "DELETE" });
      await signOutTo("/sign-in");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Sign out everywhere?"
        description="Every browser signed in to your account, this one included, is signed out at once. API tokens keep working; revoke them under API tokens."
        confirmLabel="Sign out everywhere"
        pending={pending}
        onConfirm={signOutEverywhere}
      />
    </>
  );
}

/** The signed-in user's own security settings: password and sessions. */
export function AccountSecurity({ hasPassword }: { hasPassword: boolean }) {
  return (
    <div className="space-y-6">
      <Section
        title="Password"
        description={
          hasPassword
            ? "Changing it signs out every other browser signed in to your account."
            : "You sign in through an external provider (GitHub, Google or single sign-on), so this account has no password."
        }
      >
        {hasPassword && <ChangePasswordForm />}
      </Section>
      <Section
        title="Sessions"
        description="Lost a device, or signed in on a shared computer? Signing out everywhere ends every session of your account on the server: a copied session cookie stops working too."
      >
        <SignOutEverywhere />
      </Section>
    </div>
  );
}
