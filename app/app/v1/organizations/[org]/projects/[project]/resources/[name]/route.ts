import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { updateResourceSchema } from "@/lib/resources/resource-input";
import { deleteResource, getResource, updateResource } from "@/lib/resources/resources";

type Params = { org: string; project: string; name: string };

// GET /app/v1/organizations/{org}/projects/{project}/resources/{name}
export const GET = withProjectMember<Params>(async ({ access, params }) => json(await getResource({ access, name: params.name })), {
  permission: "project.view",
});

// PATCH /app/v1/organizations/{org}/projects/{project}/resources/{name}
export const PATCH = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, updateResourceSchema);
    return json(await updateResource({ access, name: params.name, input }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/resources/{name}
export const DELETE = withProjectMember<Params>(
  async ({ access, params }) => {
    await deleteResource({ access, name: params.name });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
