import { withOrganizationMember } from "@/lib/api/route";
import { revokeGrant } from "@/lib/grants/grants";

type Params = { org: string; id: string };

// DELETE /app/v1/organizations/{org}/grants/{id} – revoke: the host's next request with its tokens
// gets 401. Own grants for every member, any grant for Owners and Admins; otherwise 404.
export const DELETE = withOrganizationMember<Params>(
  async ({ actor, access, params }) => {
    await revokeGrant({ access, actor, id: params.id });
    return new Response(null, { status: 204 });
  },
  { permission: "organization.view" },
);
