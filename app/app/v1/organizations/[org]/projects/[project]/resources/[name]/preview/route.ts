import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { previewResource, previewResourceSchema } from "@/lib/resources/preview-resource";

type Params = { org: string; project: string; name: string };

// POST /app/v1/organizations/{org}/projects/{project}/resources/{name}/preview – the test panel (runs the saved draft resource)
export const POST = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, previewResourceSchema);
    return json(await previewResource({ access, name: params.name, input }));
  },
  { permission: "project.edit" },
);
