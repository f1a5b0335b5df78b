// The token endpoint's two grants (RFC 6749 §4.1.3, §6; OAuth 2.1):
// - authorization_code: the one-time code, with the client, redirect URI and PKCE verifier it was
//   issued for. Redeeming it creates the grant (audited "grant.create"). A code presented twice is
//   an intercepted code being replayed (or the host retrying): the grant it produced is revoked.
// - refresh_token: rotation. Each refresh token works once and is replaced; presenting a used one
//   means two parties hold it, so the whole grant is revoked ("refresh_token_reuse") — except
//   within a short grace window after its use (config.ts), where a race or a retry gets a fresh pair.
// Either way the user must still be allowed to use the endpoint.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/enums";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import type { OAuthClientRecord } from "./clients";
import { REFRESH_TOKEN_REUSE_GRACE_SECONDS } from "./config";
import { checkEndpointAccess } from "./endpoint-access";
import { issueTokens, type TokenResponse } from "./issue-tokens";
import { OAuthError } from "./oauth-error";
import { isOAuthSecret } from "./oauth-secrets";
import { verifyCodeVerifier } from "./pkce";
import type { OAuthParams } from "./request-params";
import { requiredParam } from "./request-params";
import { grantLabel, unsafeRevokeGrant } from "./revoke-grant";
import { parseStudioResource } from "./resource";
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
  projectId: string | null;
  environment: "DRAFT" | "PRODUCTION" | null;
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
    if (record.grantId) await unsafeRevokeGrant({ grantId: record.grantId, reason: "authorization_code_reuse" });
    throw invalidGrant("The authorization code was already used; the authorization it produced has been revoked");
  }
  if (record.expiresAt.getTime() <= Date.now()) throw invalidGrant("The authorization code has expired");
  if (record.redirectUri !== redirectUri) throw invalidGrant("redirect_uri must be the one the authorization request used");
  if (!verifyCodeVerifier(verifier, record.codeChallenge)) throw invalidGrant("The code_verifier does not match the code_challenge (PKCE)");
  checkResource(params, record.resource);

  const target = await codeTarget(record);
  const bound = { ...record, organizationId: target.organizationId };
  await checkStillAllowed(bound);

  const issued = await db.$transaction(async (tx) => {
    // Compare-and-set: of two concurrent redemptions, exactly one wins and creates the grant.
    const { count } = await tx.oAuthAuthorizationCode.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
    if (count !== 1) return null;
    const grant = await createGrant(tx, { code: bound, client, projectSlug: target.projectSlug });
    await tx.oAuthAuthorizationCode.update({ where: { id: record.id }, data: { grantId: grant.id } });
    return issueTokens(tx, grant);
  });
  if (!issued) {
    const redeemed = await db.oAuthAuthorizationCode.findUnique({ where: { id: record.id }, select: { grantId: true } });
    if (redeemed?.grantId) await unsafeRevokeGrant({ grantId: redeemed.grantId, reason: "authorization_code_reuse" });
    throw invalidGrant("The authorization code was already used; the authorization it produced has been revoked");
  }
  return issued;
}

/**
 * Where a code leads: its project (which must still exist), or for the studio MCP server the
 * organization its resource names (a code carries no organization of its own).
 */
async function codeTarget(record: {
  projectId: string | null;
  resource: string;
}): Promise<{ organizationId: string; projectSlug: string | null }> {
  if (record.projectId) {
    const project = await db.project.findUnique({ where: { id: record.projectId }, select: { slug: true, organizationId: true } });
    if (!project) throw invalidGrant("The project this authorization was for no longer exists");
    return { organizationId: project.organizationId, projectSlug: project.slug };
  }
  // The resource was checked against this origin when the code was made (authorize-request.ts).
  const studio = parseStudioResource(record.resource, new URL(record.resource).origin);
  const organization = studio && (await db.organization.findUnique({ where: { slug: studio.orgSlug }, select: { id: true } }));
  if (!organization) throw invalidGrant("The organization this authorization was for no longer exists");
  return { organizationId: organization.id, projectSlug: null };
}

/**
 * The grant a redeemed code makes: what Authorized apps lists from now on. Audited "grant.create"
 * as the user who clicked Authorize, with the address and browser they clicked it from.
 */
async function createGrant(
  tx: Tx,
  options: {
    code: {
      userId: string;
      organizationId: string;
      projectId: string | null;
      environment: Environment | null;
      resource: string;
      scopes: string[];
      consentIp: string | null;
      consentUserAgent: string | null;
    };
    client: OAuthClientRecord;
    /** Null for the organization's studio MCP server. */
    projectSlug: string | null;
  },
) {
  const { code, client } = options;
  const grant = await tx.oAuthGrant.create({
    data: {
      organizationId: code.organizationId,
      projectId: code.projectId,
      environment: code.environment,
      userId: code.userId,
      clientId: client.id,
      resource: code.resource,
      scopes: code.scopes,
    },
  });
  const user = await tx.user.findUniqueOrThrow({ where: { id: code.userId }, select: { email: true, name: true } });
  await recordAuditEvent(tx, {
    organizationId: code.organizationId,
    actor: { userId: code.userId, email: user.email, name: user.name, ip: code.consentIp, userAgent: code.consentUserAgent },
    action: "grant.create",
    target: {
      type: "oauth_grant",
      id: grant.id,
      label: grantLabel({ client, project: options.projectSlug ? { slug: options.projectSlug } : null, environment: code.environment }),
    },
    newValue: { clientId: client.clientId, clientName: client.name, resource: code.resource, scopes: code.scopes },
  });
  return grant;
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
  if (record.usedAt && !(await isWithinReuseGrace({ ...record, usedAt: record.usedAt }))) {
    await unsafeRevokeGrant({ grantId: grant.id, reason: "refresh_token_reuse" });
    throw invalidGrant("The refresh token was already used; the authorization has been revoked. Connect again.");
  }
  if (record.expiresAt.getTime() <= Date.now()) throw invalidGrant("The refresh token has expired. Connect again.");
  checkResource(params, grant.resource);
  if (params.scope !== undefined) {
    const scopes = parseScopes(params.scope);
    if (scopes.scopes.some((scope) => !grant.scopes.includes(scope)))
      throw new OAuthError("invalid_scope", "scope may only name scopes of the original authorization");
  }
  await checkStillAllowed(grant);

  const issued = await db.$transaction(async (tx) => {
    const { count } = await tx.oAuthRefreshToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
    // A token already used (within the grace window, checked above) gets a fresh pair too.
    return count === 1 || record.usedAt ? issueTokens(tx, grant) : null;
  });
  if (issued) return issued;
  // Lost the race to a concurrent refresh with the same token.
  const used = await db.oAuthRefreshToken.findUnique({ where: { id: record.id }, select: { usedAt: true } });
  if (used?.usedAt && (await isWithinReuseGrace({ id: record.id, grantId: grant.id, usedAt: used.usedAt }))) {
    return db.$transaction((tx) => issueTokens(tx, grant));
  }
  await unsafeRevokeGrant({ grantId: grant.id, reason: "refresh_token_reuse" });
  throw invalidGrant("The refresh token was already used; the authorization has been revoked. Connect again.");
}

/**
 * A used refresh token presented again is forgiven for REFRESH_TOKEN_REUSE_GRACE_SECONDS after
 * its use, as long as it is still the grant's last used one (its successor unused): two refreshes
 * racing with the same token, or a retry after a lost response. After that, or once the
 * successor has been used, it is reuse.
 */
async function isWithinReuseGrace(token: { id: string; grantId: string; usedAt: Date }): Promise<boolean> {
  if (token.usedAt.getTime() < Date.now() - REFRESH_TOKEN_REUSE_GRACE_SECONDS * 1000) return false;
  const usedSince = await db.oAuthRefreshToken.count({
    where: { grantId: token.grantId, id: { not: token.id }, usedAt: { gt: token.usedAt } },
  });
  return usedSince === 0;
}
