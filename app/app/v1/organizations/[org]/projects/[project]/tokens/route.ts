import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { createProductionToken, createProductionTokenSchema, listProductionTokens } from "@/lib/production-tokens/production-tokens";

// GET /app/v1/organizations/{org}/projects/{project}/tokens – production access tokens (never their value)
export const GET = withProjectMember(async ({ access }) => json({ data: await listProductionTokens({ access }) }), {
  permission: "project.tokens",
});

// POST /app/v1/organizations/{org}/projects/{project}/tokens – { name }; the value is in this response only
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, createProductionTokenSchema);
    return json(await createProductionToken({ access, actor, input }), { status: 201 });
  },
  { permission: "project.tokens" },
);
