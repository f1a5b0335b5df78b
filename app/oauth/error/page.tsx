import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { buttonClasses } from "@/components/ui/button";
import { AUTHORIZE_ERROR_REASONS, type AuthorizeErrorReason } from "@/lib/oauth/authorization-response";

export const metadata: Metadata = { title: "Can’t connect the app" };

function isReason(value: unknown): value is AuthorizeErrorReason {
  return typeof value === "string" && Object.hasOwn(AUTHORIZE_ERROR_REASONS, value);
}

// Where /oauth/authorize sends the browser when the request can't go back to the app: an unknown
// client or an unregistered redirect URI (RFC 6749 §4.1.2.1), or a consent that can't be used.
export default async function OAuthErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const reason = isReason(params.reason) ? params.reason : "consent_invalid";
  // Only the metadata-document problem carries a detail (the server's own wording about the document).
  const detail = reason === "client_metadata" && typeof params.detail === "string" ? params.detail.slice(0, 300) : null;
  return (
    <AuthShell title="Can’t connect the app" description={AUTHORIZE_ERROR_REASONS[reason]}>
      <div className="space-y-4">
        {detail && <p className="rounded-control border border-line bg-subtle px-3 py-2 text-sm break-words text-muted">{detail}</p>}
        <Link href="/" className={buttonClasses("secondary", "md", "w-full")}>
          Go to Atelier
        </Link>
      </div>
    </AuthShell>
  );
}
