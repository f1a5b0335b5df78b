import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * Unknown addresses, and organizations and projects that don't exist or that you can't see: one
 * answer for all, so a 404 says nothing about what exists (app/not-found.tsx, app/(studio)/not-found.tsx).
 */
export function NotFoundPage() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center px-4 py-20 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2 text-sm text-muted">
        This page doesn’t exist, or you don’t have access to it. If someone sent you a link, ask them to invite you.
      </p>
      <Link href="/" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to your projects
      </Link>
    </main>
  );
}
