import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { listSecretNames } from "@/lib/tools/secrets";

// GET /app/v1/organizations/{org}/projects/{project}/tools/{tool}/secrets – names only, never values
export const GET = withProjectMember<{ org: string; project: string; tool: string }>(
  async ({ access, params }) => json({ data: await listSecretNames({ access, toolName: params.tool }) }),
  { permission: "project.view" },
);
