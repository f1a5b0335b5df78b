import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { updateToolSchema } from "@/lib/tools/tool-input";
import { deleteTool, getTool, updateTool } from "@/lib/tools/tools";

type Params = { org: string; project: string; tool: string };

// GET /app/v1/organizations/{org}/projects/{project}/tools/{tool} – one draft tool (secret names only)
export const GET = withProjectMember<Params>(async ({ access, params }) => json(await getTool({ access, name: params.tool })), {
  permission: "project.view",
});

// PATCH /app/v1/organizations/{org}/projects/{project}/tools/{tool} – save; live on the draft endpoint at once
export const PATCH = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, updateToolSchema);
    return json(await updateTool({ access, name: params.tool, input }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/tools/{tool}
export const DELETE = withProjectMember<Params>(
  async ({ access, params }) => {
    await deleteTool({ access, name: params.tool });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
