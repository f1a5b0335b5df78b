import { withActor } from "@/lib/api/route";
import { json, parseJsonBody, parseQuery } from "@/lib/http";
import { createOrganization, createOrganizationSchema, listOrganizations } from "@/lib/organizations/organizations";
import { paginationSchema } from "@/lib/validation/common";

// GET /app/v1/organizations – organizations I belong to, with my role
export const GET = withActor(async ({ request, actor }) => {
  const page = parseQuery(request, paginationSchema);
  return json(await listOrganizations({ actor, page }));
});

// POST /app/v1/organizations – create one; the creator becomes its Owner
export const POST = withActor(async ({ request, actor }) => {
  const input = await parseJsonBody(request, createOrganizationSchema);
  return json(await createOrganization({ actor, input }), { status: 201 });
});
