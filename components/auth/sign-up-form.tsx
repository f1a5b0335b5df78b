"use client";

import { Link } from "@/components/ui/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { apiFetch, errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/validation/common";

type Fields = { name?: string; email?: string; password?: string };

function validate(input: { name: string; email: string; password: string }): Fields {
  const errors: Fields = {};
  const name = nameSchema.safeParse(input.name);
  if (!name.success) errors.name = `Name ${name.error.issues[0].message}`;
  const email = emailSchema.safeParse(input.email);
  if (!email.success) errors.email = `Email ${email.error.issues[0].message}`;
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) errors.password = `Password ${password.error.issues[0].message}`;
  return errors;
}

export function SignUpForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [fieldErrors, setFieldErrors] = useState<Fields>({});
  const [error, setError] = useState<{ message: string; exists?: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    const errors = validate(input);
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length > 0) return;

    setPending(true);
    try {
      await apiFetch("/api/sign-up", { method: "POST", body: input });
    } catch (caught) {
      setPending(false);
      const fields = fieldErrorsOf(caught);
      if (Object.keys(fields).length > 0) {
        setFieldErrors({
          name: fields.name && `Name ${fields.name}`,
          email: fields.email && `Email ${fields.email}`,
          password: fields.password && `Password ${fields.password}`,
        });
      } else {
        setError({ message: errorMessage(caught) });
      }
      return;
    }

    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) {
      // Sign-up answers the same for a taken address (nobody learns which addresses have accounts),
      // so a failed sign-in here most likely means the address already had an account.
      setPending(false);
      setError({
        message:
          result?.error === "TooManyAttempts"
            ? "Too many sign-in attempts. Wait 15 minutes and try again."
            : "Could not sign you in with this email and password. If you already have an account, sign in with its password.",
        exists: true,
      });
      return;
    }
    // A full page load: client-side caches (prefetched while signed out) must not survive sign-in.
    window.location.assign(callbackUrl);
  }

  return (
    <div className="space-y-6">
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        {error && (
          <Alert tone="danger">
            {error.message}{" "}
            {error.exists && (
              <Link href={withCallbackUrl("/sign-in", callbackUrl)} className="font-medium underline">
                Go to sign in
              </Link>
            )}
          </Alert>
        )}
        <Field label="Name" error={fieldErrors.name}>
          {(control) => <Input {...control} name="name" autoComplete="name" required autoFocus />}
        </Field>
        <Field label="Email" error={fieldErrors.email}>
          {(control) => <Input {...control} name="email" type="email" autoComplete="email" defaultValue={defaultEmail} required />}
        </Field>
        <Field label="Password" hint="At least 8 characters." error={fieldErrors.password}>
          {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required />}
        </Field>
        <Button type="submit" variant="primary" className="w-full" loading={pending}>
          Create account
        </Button>
      </form>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={withCallbackUrl("/sign-in", callbackUrl)} className="font-medium text-accent-fg hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
