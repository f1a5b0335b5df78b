import { withProjectMember } from "@/lib/api/route";
import { deleteComponent, getComponent, updateComponent, updateComponentSchema } from "@/lib/components/components";
import { json, parseJsonBody } from "@/lib/http";

type Params = { org: string; project: string; name: string };

// GET /app/v1/organizations/{org}/projects/{project}/components/{name}
export const GET = withProjectMember<Params>(async ({ access, params }) => json(await getComponent({ access, name: params.name })), {
  permission: "project.view",
});

// PATCH /app/v1/organizations/{org}/projects/{project}/components/{name}
export const PATCH = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, updateComponentSchema);
    return json(await updateComponent({ access, name: params.name, input }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/components/{name} – refused while a tool uses it
export const DELETE = withProjectMember<Params>(
  async ({ access, params }) => {
    await deleteComponent({ access, name: params.name });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
