import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { updateTestCaseSchema } from "@/lib/test-cases/test-case-input";
import { deleteTestCase, getTestCase, updateTestCase } from "@/lib/test-cases/test-cases";

type Params = { org: string; project: string; tool: string; case: string };

// GET /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases/{case}
export const GET = withProjectMember<Params>(
  async ({ access, params }) => json(await getTestCase({ access, toolName: params.tool, name: params.case })),
  { permission: "project.view" },
);

// PATCH /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases/{case} – rename, new input or expectations
export const PATCH = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const input = await parseJsonBody(request, updateTestCaseSchema);
    return json(await updateTestCase({ access, toolName: params.tool, name: params.case, input }));
  },
  { permission: "project.edit" },
);

// DELETE /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases/{case}
export const DELETE = withProjectMember<Params>(
  async ({ access, params }) => {
    await deleteTestCase({ access, toolName: params.tool, name: params.case });
    return new Response(null, { status: 204 });
  },
  { permission: "project.edit" },
);
