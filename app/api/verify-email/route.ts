// GET /api/verify-email?token=… – the link in the sign-up email: confirms the address, then the
// sign-in page says whether it worked.
import { withErrors } from "@/lib/api/route";
import { publicOrigin } from "@/lib/public-origin";
import { verifyEmail } from "@/lib/users/email-verification";

export const GET = withErrors(async (request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const confirmed = await verifyEmail(token);
  const target = confirmed ? "/sign-in?verified=1" : "/sign-in?error=VerificationInvalid";
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(target, publicOrigin(request)).href, "Cache-Control": "no-store" },
  });
});
