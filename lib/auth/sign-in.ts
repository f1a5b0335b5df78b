// Password sign-in, as next-auth's Credentials provider runs it: throttled per account and per
// client address before the password is checked (lib/rate-limit/sign-in-limits.ts).
import { requestClientIp } from "@/lib/rate-limit/client-ip";
import { checkSignInAttempt } from "@/lib/rate-limit/sign-in-limits";
import { verifyCredentials } from "@/lib/users/verify-credentials";

/** next-auth passes a thrown error's message to the sign-in form as `error`; the form explains it. */
export const SIGN_IN_THROTTLED = "TooManyAttempts";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export async function signInWithPassword(options: { email: string; password: string; headers: HeaderBag }) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const throttle = await checkSignInAttempt({ email: options.email, ip: requestClientIp({ headers }) });
  if (!throttle.allowed) throw new Error(SIGN_IN_THROTTLED);
  return verifyCredentials(options.email, options.password);
}
