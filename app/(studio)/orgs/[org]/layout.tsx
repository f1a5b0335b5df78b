import type { ReactNode } from "react";
import { loadOrganizationAccess } from "@/app/(studio)/data";
import { getSessionActor } from "@/lib/auth/session";

/**
 * Checks the organization before anything streams: a loading state that renders first would commit
 * the response to 200, so an unknown (or unseen) organization could no longer answer 404.
 * Loading states live below this layout, in the pages' own segments.
 */
export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await getSessionActor();
  // Signed out: each page redirects to sign-in with its own path as callbackUrl (see ../../layout.tsx).
  if (actor) await loadOrganizationAccess(actor.userId, org);
  return children;
}
