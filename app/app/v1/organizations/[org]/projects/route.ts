import { withOrganizationMember } from "@/lib/api/route";
import { json, parseJsonBody, parseQuery } from "@/lib/http";
import { createProjectSchema } from "@/lib/projects/project-schemas";
import { createProject, listProjects } from "@/lib/projects/projects";
import { paginationSchema } from "@/lib/validation/common";

// GET /app/v1/organizations/{org}/projects – the organization's projects
export const GET = withOrganizationMember(
  async ({ request, access }) => {
    const page = parseQuery(request, paginationSchema);
    return json(await listProjects({ access, page }));
  },
  { permission: "organization.view" },
);

// POST /app/v1/organizations/{org}/projects – create a project
export const POST = withOrganizationMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, createProjectSchema);
    return json(await createProject({ access, actor, input }), { status: 201 });
  },
  { permission: "organization.createProject" },
);
