// POST /api/sign-up – create an email + password account; the client then signs in through next-auth.
import { json, parseJsonBody } from "@/lib/http";
import { withErrors } from "@/lib/api/route";
import { createUser, signUpSchema } from "@/lib/users/create-user";

export const POST = withErrors(async (request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const user = await createUser(input);
  return json({ id: user.id, email: user.email, name: user.name }, { status: 201 });
});
