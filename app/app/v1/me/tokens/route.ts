import { withActor } from "@/lib/api/route";
import { createApiToken, createApiTokenSchema, listApiTokens } from "@/lib/api-tokens/api-tokens";
import { json, parseJsonBody } from "@/lib/http";

type ApiTokenFields = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

const present = ({ id, name, prefix, createdAt, lastUsedAt }: ApiTokenFields) => ({ id, name, prefix, createdAt, lastUsedAt });

// GET /app/v1/me/tokens – my personal API tokens (never their value)
export const GET = withActor(async ({ actor }) => {
  const tokens = await listApiTokens({ actor });
  return json({ data: tokens.map(present) });
});

// POST /app/v1/me/tokens – create a token; its value is in this response only
export const POST = withActor(async ({ request, actor }) => {
  const input = await parseJsonBody(request, createApiTokenSchema);
  const created = await createApiToken({ actor, input });
  return json({ ...present(created), token: created.token }, { status: 201 });
});
