import type { ReactNode } from "react";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";

/**
 * Checks the organization before anything streams: a loading state that renders first would commit
 * the response to 200, so an unknown (or unseen) organization could no longer answer 404.
 * Loading states live below this layout, in the pages' own segments.
 */
export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}`);
  await loadOrganizationAccess(actor.userId, org);
  return children;
}
