"use client";

import { Link } from "@/components/ui/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Provider = { id: string; name: string };

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
  notice,
}: {
  callbackUrl: string;
  providers: Provider[];
  initialError?: string;
  /** A status message from the page (e.g. an email address just confirmed). */
  notice?: string;
}) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (!result?.ok || result.error) {
      setPending(false);
      setError(
        !result
          ? "Could not reach the server. Check your connection and try again."
          : result.error === "TooManyAttempts"
            ? "Too many sign-in attempts. Wait 15 minutes and try again."
            : "Email or password is incorrect",
      );
      return;
    }
    // A full page load: client-side caches (prefetched while signed out) must not survive sign-in.
    window.location.assign(callbackUrl);
  }

  return (
    <div className="space-y-6">
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        {error && <Alert tone="danger">{error}</Alert>}
        {!error && notice && <Alert tone="success">{notice}</Alert>}
        <Field label="Email">{(control) => <Input {...control} name="email" type="email" autoComplete="email" required autoFocus />}</Field>
        <Field label="Password">
          {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <Button type="submit" variant="primary" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>

      {providers.length > 0 && (
        <div className="space-y-3">
          <div className="flex items-center gap-3 text-xs text-muted">
            <span className="h-px flex-1 bg-line" />
            or
            <span className="h-px flex-1 bg-line" />
          </div>
          {providers.map((provider) => (
            <Button key={provider.id} className="w-full" onClick={() => signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      )}

      <p className="text-center text-sm text-muted">
        New to Atelier?{" "}
        <Link href={withCallbackUrl("/sign-up", callbackUrl)} className="font-medium text-accent-fg hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
