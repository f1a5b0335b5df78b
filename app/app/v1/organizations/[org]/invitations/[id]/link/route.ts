import { withOrganizationMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { getInvitationLink } from "@/lib/members/invitations";

// GET /app/v1/organizations/{org}/invitations/{id}/link – a pending invitation's link, to copy
export const GET = withOrganizationMember<{ org: string; id: string }>(
  async ({ request, access, params }) =>
    json(await getInvitationLink({ access, origin: publicOrigin(request), id: params.id }), { headers: { "Cache-Control": "no-store" } }),
  { permission: "organization.members" },
);
