import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { z } from "zod";
import { deleteSecret, setSecret, setSecretSchema } from "@/lib/tools/secrets";

const deleteEnvironmentSchema = z.enum(["draft", "production"]).optional();

type Params = { org: string; project: string; tool: string; key: string };

// PUT /app/v1/organizations/{org}/projects/{project}/tools/{tool}/secrets/{key} – set { value, environment? }
// ("both" by default, "draft" or "production"); the value is never returned
export const PUT = withProjectMember<Params>(
  async ({ request, actor, access, params }) => {
    const { value, environment } = await parseJsonBody(request, setSecretSchema);
    return json(await setSecret({ access, actor, toolName: params.tool, key: params.key, value, environment }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/tools/{tool}/secrets/{key}[?environment=draft|production]
// – the secret, or only its value for one environment
export const DELETE = withProjectMember<Params>(
  async ({ request, actor, access, params }) => {
    const environment = deleteEnvironmentSchema.parse(new URL(request.url).searchParams.get("environment") ?? undefined);
    await deleteSecret({ access, actor, toolName: params.tool, key: params.key, environment });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
