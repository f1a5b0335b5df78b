import { withProjectMember } from "@/lib/api/route";
import { getExecution } from "@/lib/executions/executions";
import { json } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/executions/{id} – one call with its input,
// output, console output and SHA-256 hashes; an id of another project is a 404
export const GET = withProjectMember<{ org: string; project: string; id: string }>(
  async ({ access, params }) => json(await getExecution({ access, id: params.id })),
  { permission: "project.executions" },
);
