import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const email = typeof params.email === "string" ? params.email : undefined;

  return (
    <AuthShell title="Create your account" description="Start building MCP tools with your team.">
      <SignUpForm callbackUrl={callbackUrl} defaultEmail={email} />
    </AuthShell>
  );
}
