import { withOrganizationMember } from "@/lib/api/route";
import { json, parseQuery } from "@/lib/http";
import { listMembers } from "@/lib/members/members";
import { paginationSchema } from "@/lib/validation/common";

// GET /app/v1/organizations/{org}/members – members, roles and the projects each owns
export const GET = withOrganizationMember(
  async ({ request, access }) => {
    const page = parseQuery(request, paginationSchema);
    return json(await listMembers({ access, page }));
  },
  { permission: "organization.view" },
);

// POST /app/v1/organizations/{org}/members – people join only by accepting an invitation, so
// "adding a member" is creating one: an alias of POST …/invitations ({ email, role } → 201 invitation).
export { POST } from "../invitations/route";
