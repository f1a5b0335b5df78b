// GET /app/v1/organizations/{org} – the organization and my role in it
import { withOrganizationMember } from "@/lib/api/route";
import { json } from "@/lib/http";

export const GET = withOrganizationMember(async ({ access }) => json({ ...access.organization, role: access.membership.role }), {
  permission: "organization.view",
});
