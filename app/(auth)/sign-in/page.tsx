import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { SignInForm } from "@/components/auth/sign-in-form";
import { externalProviderList } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign in" };

// next-auth sends people back here with ?error=… when a provider sign-in fails.
const PROVIDER_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect",
  OAuthAccountNotLinked: "That email is already registered with a password. Sign in with your password.",
  UnverifiedAccountExists:
    "An account with this email was created with a password, and Atelier has no proof it belongs to the address's owner, so this sign-in is not linked to it. Sign in with that account's password.",
  EmailNotVerified: "The provider has not verified this email address. Verify it there, then try again.",
  TooManyAttempts: "Too many sign-in attempts. Wait 15 minutes and try again.",
  VerificationInvalid: "That confirmation link is invalid or has expired.",
  AccessDenied: "Sign-in was cancelled or refused by the provider.",
  SessionRequired: "Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // the provider list is read from configuration at request time
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);

  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const initialError = errorCode ? (PROVIDER_ERRORS[errorCode] ?? "Sign-in failed. Try again.") : undefined;

  return (
    <AuthShell title="Sign in to Atelier" description="Build, test and publish MCP tools.">
      <SignInForm
        callbackUrl={callbackUrl}
        providers={externalProviderList()}
        initialError={initialError}
        notice={params.verified === "1" ? "Email address confirmed. Sign in to continue." : undefined}
      />
    </AuthShell>
  );
}
