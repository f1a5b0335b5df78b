// A fresh access token + refresh token pair for a grant, stored as hashes; the values are only
// in the token response.
import "server-only";
import type { Tx } from "@/lib/db";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from "./config";
import { generateOAuthSecret } from "./oauth-secrets";
import { formatScopes } from "./scopes";

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

export async function issueTokens(tx: Tx, grant: { id: string; scopes: string[] }, now = Date.now()): Promise<TokenResponse> {
  // The grant's lapsed tokens are of no use any more (a used refresh token is kept until it lapses:
  // presenting it again is how reuse is detected). Cheap: by the grant's index.
  const lapsed = { grantId: grant.id, expiresAt: { lt: new Date(now) } };
  await tx.oAuthAccessToken.deleteMany({ where: lapsed });
  await tx.oAuthRefreshToken.deleteMany({ where: lapsed });
  const access = generateOAuthSecret("accessToken");
  const refresh = generateOAuthSecret("refreshToken");
  await tx.oAuthAccessToken.create({
    data: { tokenHash: access.hash, grantId: grant.id, expiresAt: new Date(now + ACCESS_TOKEN_TTL_SECONDS * 1000) },
  });
  await tx.oAuthRefreshToken.create({
    data: { tokenHash: refresh.hash, grantId: grant.id, expiresAt: new Date(now + REFRESH_TOKEN_TTL_SECONDS * 1000) },
  });
  return {
    access_token: access.value,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: refresh.value,
    scope: formatScopes(grant.scopes),
  };
}
