import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { buttonClasses } from "@/components/ui/button";
import { errorPageView } from "@/lib/oauth/authorization-response";

export const metadata: Metadata = { title: "Can’t connect the app" };

// Where /oauth/authorize sends the browser when the request can't go back to the app: an unknown
// client or an unregistered redirect URI (RFC 6749 §4.1.2.1), or a consent that can't be used.
// Fixed wording only: anyone can link here with any query, so the page shows nothing from it but
// a reason's own text and a server-log reference.
export default async function OAuthErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = errorPageView(await searchParams);
  return (
    <AuthShell title="Can’t connect the app" description={view.message}>
      <div className="space-y-4">
        {view.reference && (
          <p className="rounded-control border border-line bg-subtle px-3 py-2 text-sm text-muted">
            Reference <span className="font-mono text-fg">{view.reference}</span> (for the server log)
          </p>
        )}
        <Link href="/" className={buttonClasses("secondary", "md", "w-full")}>
          Go to Atelier
        </Link>
      </div>
    </AuthShell>
  );
}
