import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { deleteSecret, setSecret, setSecretSchema } from "@/lib/tools/secrets";

type Params = { org: string; project: string; tool: string; key: string };

// PUT /app/v1/organizations/{org}/projects/{project}/tools/{tool}/secrets/{key} – set { value }; the value is never returned
export const PUT = withProjectMember<Params>(
  async ({ request, actor, access, params }) => {
    const { value } = await parseJsonBody(request, setSecretSchema);
    return json(await setSecret({ access, actor, toolName: params.tool, key: params.key, value }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/tools/{tool}/secrets/{key}
export const DELETE = withProjectMember<Params>(
  async ({ actor, access, params }) => {
    await deleteSecret({ access, actor, toolName: params.tool, key: params.key });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
