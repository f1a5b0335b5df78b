// PKCE (RFC 7636), S256 only: OAuth 2.1 drops "plain", which would protect nothing here.
import { createHash, timingSafeEqual } from "node:crypto";

// 43–128 characters from the unreserved set (RFC 7636 §4.1).
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
// A SHA-256 digest, base64url without padding: exactly 43 characters.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidCodeChallenge(challenge: string): boolean {
  return S256_CHALLENGE.test(challenge);
}

export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** Whether the verifier the token request carries is the one whose challenge the code was bound to. */
export function verifyCodeVerifier(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const actual = Buffer.from(s256Challenge(verifier));
  const expected = Buffer.from(challenge);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
