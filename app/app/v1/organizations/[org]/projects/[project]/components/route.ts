import { withProjectMember } from "@/lib/api/route";
import { createComponent, createComponentSchema, listComponents } from "@/lib/components/components";
import { json, parseJsonBody } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/components
export const GET = withProjectMember(async ({ access }) => json({ data: await listComponents({ access }) }), {
  permission: "project.view",
});

// POST /app/v1/organizations/{org}/projects/{project}/components – { name, html, csp }
export const POST = withProjectMember(
  async ({ request, access }) => {
    const input = await parseJsonBody(request, createComponentSchema);
    return json(await createComponent({ access, input }), { status: 201 });
  },
  { permission: "project.edit" },
);
