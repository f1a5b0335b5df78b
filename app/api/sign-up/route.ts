// POST /api/sign-up – create an email + password account; the client then signs in through next-auth.
// The answer is the same for a new and an already registered address (see signUp).
import { withErrors } from "@/lib/api/route";
import { clientInfo, errorBody, json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { getMailer } from "@/lib/mail/mailer";
import { checkSignUpAttempt } from "@/lib/rate-limit/sign-in-limits";
import { signUp, signUpSchema } from "@/lib/users/create-user";

export const POST = withErrors(async (request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const throttle = await checkSignUpAttempt({ ip: clientInfo(request).ip });
  if (!throttle.allowed) {
    return json(
      errorBody("rate_limited", `Too many sign-ups from your network. Try again in ${Math.ceil(throttle.retryAfterSeconds / 60)} min.`),
      {
        status: 429,
        headers: { "Retry-After": String(throttle.retryAfterSeconds) },
      },
    );
  }
  await signUp(input, { origin: publicOrigin(request), mailer: getMailer() });
  return json({ message: "Sign in with this email and password to continue." }, { status: 202 });
});
