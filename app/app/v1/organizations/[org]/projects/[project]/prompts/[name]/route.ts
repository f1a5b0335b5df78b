import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { updatePromptSchema } from "@/lib/prompts/prompt-input";
import { deletePrompt, getPrompt, updatePrompt } from "@/lib/prompts/prompts";

type Params = { org: string; project: string; name: string };

// GET /app/v1/organizations/{org}/projects/{project}/prompts/{name}
export const GET = withProjectMember<Params>(async ({ access, params }) => json(await getPrompt({ access, name: params.name })), {
  permission: "project.view",
});

// PATCH /app/v1/organizations/{org}/projects/{project}/prompts/{name}
export const PATCH = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, updatePromptSchema);
    return json(await updatePrompt({ access, name: params.name, input }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/prompts/{name}
export const DELETE = withProjectMember<Params>(
  async ({ access, params }) => {
    await deletePrompt({ access, name: params.name });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
