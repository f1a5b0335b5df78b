import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { updateProjectSchema } from "@/lib/projects/project-schemas";
import { deleteProject, getProject, updateProject } from "@/lib/projects/projects";

// GET /app/v1/organizations/{org}/projects/{project} – one project
export const GET = withProjectMember(async ({ access }) => json(await getProject({ access })), {
  permission: "project.view",
});

// PATCH /app/v1/organizations/{org}/projects/{project} – update name, Instructions, owners,
// visibility ("private" | "public") and rate limits (any subset of `rateLimits`).
// Each field needs its own permission, which updateProject checks; here only membership.
export const PATCH = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, updateProjectSchema);
    return json(await updateProject({ access, actor, input }));
  },
  { permission: "project.view" },
);

// DELETE /app/v1/organizations/{org}/projects/{project} – delete the project
export const DELETE = withProjectMember(
  async ({ actor, access }) => {
    await deleteProject({ access, actor });
    return new Response(null, { status: 204 });
  },
  { permission: "project.delete" },
);
