import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { rollbackPackage, rollbackSchema } from "@/lib/packages/rollback-package";

// POST /app/v1/organizations/{org}/projects/{project}/rollback – { version }: production serves that
// earlier package from the next request on; nothing new is created
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, rollbackSchema);
    return json(await rollbackPackage({ access, actor, input }));
  },
  { permission: "project.publish" },
);
