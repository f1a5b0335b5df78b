import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { PageHeader } from "@/components/ui/page-header";
import { toJson } from "@/lib/hooks/api-types";
import { listInvitations } from "@/lib/members/invitations";
import { listMembers } from "@/lib/members/members";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}/settings/members`);
  const access = await loadOrganizationAccess(actor.userId, org);
  const canManage = can({ role: access.membership.role }, "organization.members");
  const [members, invitations] = await Promise.all([
    listMembers({ access, page: { limit: 100 } }),
    canManage ? listInvitations({ access }) : Promise.resolve([]),
  ]);

  return (
    <main className="space-y-8">
      <PageHeader
        title="Members"
        description={
          canManage
            ? `Who can work on ${access.organization.name}'s projects, and what they may do.`
            : `Who can work on ${access.organization.name}'s projects. Owners and Admins manage members.`
        }
        actions={canManage ? <InviteMemberDialog org={org} myRole={access.membership.role} /> : undefined}
      />
      <MembersTable
        org={org}
        organizationName={access.organization.name}
        currentUserId={actor.userId}
        myRole={access.membership.role}
        initialMembers={toJson(members.data)}
      />
      {canManage && <PendingInvitations org={org} initialInvitations={toJson(invitations)} />}
    </main>
  );
}
