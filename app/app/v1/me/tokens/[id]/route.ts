// DELETE /app/v1/me/tokens/{id} – revoke one of my tokens (someone else's id is a 404)
import { withActor } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/api-tokens/api-tokens";

export const DELETE = withActor<{ id: string }>(async ({ actor, params }) => {
  await revokeApiToken({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
