import { withOrganizationMember } from "@/lib/api/route";
import { listGrants } from "@/lib/grants/grants";
import { json, parseQuery } from "@/lib/http";
import { paginationSchema } from "@/lib/validation/common";

// GET /app/v1/organizations/{org}/grants – active OAuth grants (authorized apps): a member's own,
// or every member's for Owners and Admins; newest first, paginated (?cursor, ?limit)
export const GET = withOrganizationMember(
  async ({ request, access }) => {
    const page = parseQuery(request, paginationSchema);
    return json(await listGrants({ access, page }));
  },
  { permission: "organization.view" },
);
