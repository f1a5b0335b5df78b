import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { AuthorizedApps } from "@/components/grants/authorized-apps";
import { PageHeader } from "@/components/ui/page-header";
import { listGrants, seesAllGrants } from "@/lib/grants/grants";
import { GRANTS_PAGE_SIZE, toJson } from "@/lib/hooks/api-types";

export const metadata: Metadata = { title: "Authorized apps" };

export default async function AuthorizedAppsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}/settings/authorized-apps`);
  const access = await loadOrganizationAccess(actor.userId, org);
  const seesAll = seesAllGrants(access);
  const grants = await listGrants({ access, page: { limit: GRANTS_PAGE_SIZE } });

  return (
    <main className="space-y-6">
      <PageHeader
        title="Authorized apps"
        description={
          seesAll
            ? `MCP hosts (Claude, ChatGPT, …) that members of ${access.organization.name} have allowed to use a project's endpoint on their behalf. Revoking one cuts it off on its next request.`
            : `MCP hosts (Claude, ChatGPT, …) you have allowed to use ${access.organization.name}'s projects on your behalf. Revoking one cuts it off on its next request. Owners and Admins see everyone's.`
        }
      />
      <AuthorizedApps org={org} initialPage={toJson(grants)} currentUserId={actor.userId} seesAll={seesAll} />
    </main>
  );
}
