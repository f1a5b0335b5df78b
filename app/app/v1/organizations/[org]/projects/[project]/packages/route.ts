import { withProjectMember } from "@/lib/api/route";
import { json, parseQuery } from "@/lib/http";
import { listPackages } from "@/lib/packages/list-packages";
import { paginationSchema } from "@/lib/validation/common";

// GET /app/v1/organizations/{org}/projects/{project}/packages – publish history, newest first,
// each with what it changed against the version it replaced
export const GET = withProjectMember(
  async ({ request, access }) => json(await listPackages({ access, page: parseQuery(request, paginationSchema) })),
  { permission: "project.view" },
);
