import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { createResourceSchema } from "@/lib/resources/resource-input";
import { createResource, listResources } from "@/lib/resources/resources";

// GET /app/v1/organizations/{org}/projects/{project}/resources
export const GET = withProjectMember(async ({ access }) => json({ data: await listResources({ access }) }), {
  permission: "project.view",
});

// POST /app/v1/organizations/{org}/projects/{project}/resources
export const POST = withProjectMember(
  async ({ request, access }) => {
    const input = await parseJsonBody(request, createResourceSchema);
    return json(await createResource({ access, input }), { status: 201 });
  },
  { permission: "project.edit" },
);
