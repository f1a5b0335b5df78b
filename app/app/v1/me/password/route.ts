// PUT /app/v1/me/password – change my password; every other session of mine ends
import { withActor } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { changePassword, changePasswordSchema } from "@/lib/users/change-password";

export const PUT = withActor(async ({ request, actor }) => {
  const input = await parseJsonBody(request, changePasswordSchema);
  return json(await changePassword({ actor, input }));
});
