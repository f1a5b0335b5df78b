// POST /app/v1/invitations/{token}/accept – join the organization as the signed-in invitee
import { withActor } from "@/lib/api/route";
import { json } from "@/lib/http";
import { acceptInvitation } from "@/lib/members/invitations";

export const POST = withActor<{ token: string }>(async ({ actor, params }) => {
  return json(await acceptInvitation({ actor, token: params.token }));
});
