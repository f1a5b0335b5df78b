import { withOrganizationMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { resendInvitation } from "@/lib/members/invitations";

// POST /app/v1/organizations/{org}/invitations/{id}/resend – email the invitation again, valid 7 more days
export const POST = withOrganizationMember<{ org: string; id: string }>(
  async ({ request, actor, access, params }) => {
    const { id, email, role, expiresAt, link, delivery } = await resendInvitation({
      access,
      actor,
      origin: publicOrigin(request),
      id: params.id,
    });
    return json({ id, email, role, expiresAt, link, delivery });
  },
  { permission: "organization.members" },
);
