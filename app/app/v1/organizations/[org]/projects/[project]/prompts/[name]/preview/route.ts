import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { previewPrompt, previewPromptSchema } from "@/lib/prompts/preview-prompt";

type Params = { org: string; project: string; name: string };

// POST /app/v1/organizations/{org}/projects/{project}/prompts/{name}/preview – the test panel (runs the saved draft prompt)
export const POST = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, previewPromptSchema);
    return json(await previewPrompt({ access, name: params.name, input }));
  },
  { permission: "project.edit" },
);
