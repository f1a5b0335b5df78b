import { withProjectMember } from "@/lib/api/route";
import { exportProject } from "@/lib/export/export-project";
import { json } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/export – the draft as one JSON archive
// (Instructions, tools, components, prompts, resources; secrets by name only)
export const GET = withProjectMember(
  async ({ access }) => {
    const archive = await exportProject({ access });
    return json(archive, { headers: { "Content-Disposition": `attachment; filename="${access.project.slug}.atelier.json"` } });
  },
  { permission: "project.view" },
);
