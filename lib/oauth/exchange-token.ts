// The token endpoint's two grants (RFC 6749 §4.1.3, §6; OAuth 2.1):
// - authorization_code: the one-time code, with the client, redirect URI and PKCE verifier it was
//   issued for. A code presented twice is an intercepted code being replayed (or the host
//   retrying): the grant it produced is revoked.
// - refresh_token: rotation. Each refresh token works once and is replaced; presenting a used one
//   means two parties hold it, so the whole grant is revoked ("refresh_token_reuse").
// Either way the user must still be allowed to use the endpoint.
import { db } from "@/lib/db";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import type { OAuthClientRecord } from "./clients";
import { checkEndpointAccess } from "./endpoint-access";
import { issueTokens, type TokenResponse } from "./issue-tokens";
import { OAuthError } from "./oauth-error";
import { isOAuthSecret } from "./oauth-secrets";
import { verifyCodeVerifier } from "./pkce";
import type { OAuthParams } from "./request-params";
import { requiredParam } from "./request-params";
import { revokeGrant } from "./revoke-grant";
import { parseScopes } from "./scopes";

const invalidGrant = (description: string) => new OAuthError("invalid_grant", description);

function checkResource(params: OAuthParams, bound: string) {
  if (params.resource !== undefined && params.resource !== bound) {
    throw new OAuthError("invalid_target", "resource must be the endpoint URL this authorization was granted for");
  }
}

async function checkStillAllowed(grant: {
  userId: string;
  organizationId: string;
  projectId: string;
  environment: "DRAFT" | "PRODUCTION";
}) {
  const access = await checkEndpointAccess(grant);
  if (!access.allowed) {
    throw invalidGrant(
      access.reason === "not_member"
        ? "The user is no longer a member of the project's organization"
        : "The user's role no longer allows this endpoint",
    );
  }
}

export async function exchangeAuthorizationCode(options: { client: OAuthClientRecord; params: OAuthParams }): Promise<TokenResponse> {
  const { client, params } = options;
  const code = requiredParam(params, "code");
  const redirectUri = requiredParam(params, "redirect_uri");
  const verifier = requiredParam(params, "code_verifier");
  if (!isOAuthSecret("authorizationCode", code)) throw invalidGrant("The authorization code is not valid");
  const hash = hashToken(code);
  const record = await db.oAuthAuthorizationCode.findUnique({ where: { codeHash: hash }, omit: { codeHash: false } });
  if (!record || !hashesEqual(record.codeHash, hash) || record.clientId !== client.id)
    throw invalidGrant("The authorization code is not valid");
  if (record.usedAt) {
    if (record.grantId) await revokeGrant({ grantId: record.grantId, reason: "authorization_code_reuse" });
    throw invalidGrant("The authorization code was already used; the authorization it produced has been revoked");
  }
  if (record.expiresAt.getTime() <= Date.now()) throw invalidGrant("The authorization code has expired");
  if (record.redirectUri !== redirectUri) throw invalidGrant("redirect_uri must be the one the authorization request used");
  if (!verifyCodeVerifier(verifier, record.codeChallenge)) throw invalidGrant("The code_verifier does not match the code_challenge (PKCE)");
  checkResource(params, record.resource);

  const grant = record.grantId ? await db.oAuthGrant.findUnique({ where: { id: record.grantId } }) : null;
  if (!grant || grant.revokedAt) throw invalidGrant("The authorization has been revoked");
  await checkStillAllowed(grant);

  const issued = await db.$transaction(async (tx) => {
    // Compare-and-set: of two concurrent redemptions, exactly one wins.
    const { count } = await tx.oAuthAuthorizationCode.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
    return count === 1 ? issueTokens(tx, grant) : null;
  });
  if (!issued) {
    await revokeGrant({ grantId: grant.id, reason: "authorization_code_reuse" });
    throw invalidGrant("The authorization code was already used; the authorization it produced has been revoked");
  }
  return issued;
}

export async function refreshAccessToken(options: { client: OAuthClientRecord; params: OAuthParams }): Promise<TokenResponse> {
  const { client, params } = options;
  const token = requiredParam(params, "refresh_token");
  if (!isOAuthSecret("refreshToken", token)) throw invalidGrant("The refresh token is not valid");
  const hash = hashToken(token);
  const record = await db.oAuthRefreshToken.findUnique({
    where: { tokenHash: hash },
    omit: { tokenHash: false },
    include: { grant: true },
  });
  if (!record || !hashesEqual(record.tokenHash, hash) || record.grant.clientId !== client.id)
    throw invalidGrant("The refresh token is not valid");
  const { grant } = record;
  if (grant.revokedAt) throw invalidGrant("The authorization has been revoked");
  if (record.usedAt) {
    await revokeGrant({ grantId: grant.id, reason: "refresh_token_reuse" });
    throw invalidGrant("The refresh token was already used; the authorization has been revoked. Connect again.");
  }
  if (record.expiresAt.getTime() <= Date.now()) throw invalidGrant("The refresh token has expired. Connect again.");
  checkResource(params, grant.resource);
  if (params.scope !== undefined) {
    const scopes = parseScopes(params.scope);
    if ("unknown" in scopes || scopes.scopes.some((scope) => !grant.scopes.includes(scope)))
      throw new OAuthError("invalid_scope", "scope may only name scopes of the original authorization");
  }
  await checkStillAllowed(grant);

  const issued = await db.$transaction(async (tx) => {
    const { count } = await tx.oAuthRefreshToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
    return count === 1 ? issueTokens(tx, grant) : null;
  });
  if (!issued) {
    await revokeGrant({ grantId: grant.id, reason: "refresh_token_reuse" });
    throw invalidGrant("The refresh token was already used; the authorization has been revoked. Connect again.");
  }
  return issued;
}
