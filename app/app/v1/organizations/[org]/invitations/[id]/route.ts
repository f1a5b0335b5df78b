import { withOrganizationMember } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/members/invitations";

// DELETE /app/v1/organizations/{org}/invitations/{id} – revoke a pending invitation (its link stops working)
export const DELETE = withOrganizationMember<{ org: string; id: string }>(
  async ({ actor, access, params }) => {
    await revokeInvitation({ access, actor, id: params.id });
    return new Response(null, { status: 204 });
  },
  { permission: "organization.members" },
);
