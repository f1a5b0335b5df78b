// The authorization server's random secrets, in the style of lib/tokens/secret-token.ts: a
// recognizable prefix (so a leaked value is identifiable, and the MCP endpoints can tell an OAuth
// access token from a draft or production token before any query), 256 random bits, and only the
// SHA-256 stored.
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/tokens/secret-token";

const PREFIXES = {
  accessToken: "atl_oat_",
  refreshToken: "atl_ort_",
  authorizationCode: "atl_oac_",
  clientSecret: "atl_ocs_",
  registrationToken: "atl_orat_",
} as const;

export type OAuthSecretKind = keyof typeof PREFIXES;

export function generateOAuthSecret(kind: OAuthSecretKind) {
  const value = `${PREFIXES[kind]}${randomBytes(32).toString("base64url")}`;
  return { value, hash: hashToken(value) };
}

export function isOAuthSecret(kind: OAuthSecretKind, value: string): boolean {
  return value.startsWith(PREFIXES[kind]);
}

/** Cheap dispatch on the MCP hot path: an OAuth access token, judged by its prefix alone. */
export function isOAuthAccessToken(token: string): boolean {
  return token.startsWith(PREFIXES.accessToken);
}
