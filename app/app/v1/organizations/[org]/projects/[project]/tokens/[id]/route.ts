import { withProjectMember } from "@/lib/api/route";
import { revokeProductionToken } from "@/lib/production-tokens/production-tokens";

type Params = { org: string; project: string; id: string };

// DELETE /app/v1/organizations/{org}/projects/{project}/tokens/{id} – revoke: the next request with it gets 401
export const DELETE = withProjectMember<Params>(
  async ({ actor, access, params }) => {
    await revokeProductionToken({ access, actor, id: params.id });
    return new Response(null, { status: 204 });
  },
  { permission: "project.tokens" },
);
