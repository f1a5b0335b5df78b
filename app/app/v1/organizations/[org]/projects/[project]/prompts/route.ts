import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { createPromptSchema } from "@/lib/prompts/prompt-input";
import { createPrompt, listPrompts } from "@/lib/prompts/prompts";

// GET /app/v1/organizations/{org}/projects/{project}/prompts
export const GET = withProjectMember(async ({ access }) => json({ data: await listPrompts({ access }) }), {
  permission: "project.view",
});

// POST /app/v1/organizations/{org}/projects/{project}/prompts
export const POST = withProjectMember(
  async ({ request, access }) => {
    const input = await parseJsonBody(request, createPromptSchema);
    return json(await createPrompt({ access, input }), { status: 201 });
  },
  { permission: "project.edit" },
);
