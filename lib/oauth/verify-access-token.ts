// OAuth access tokens on the MCP endpoints' hot path. One query takes the token hash to the token,
// its grant, the client's name, the project and the user's membership; the rules are then
// checked here. On PostgreSQL on every request, so a revocation or a membership change is seen by
// every instance on the next request; on PGlite the decision is kept in the credential cache
// (lib/mcp/credential-cache.ts) until any write that could change it, or the token's expiry:
// - the token exists and has not expired; its grant is not revoked;
// - the grant's resource is this endpoint's URL exactly (a token for another endpoint or project
//   is refused);
// - the user is still a member of the project's organization, and may still use this endpoint
//   (drafts need "project.draft").
// lastUsedAt is written at most once a minute per grant, not on every call.
import "server-only";
import { db } from "@/lib/db";
import { cachedDecision, lastUsedDue } from "@/lib/mcp/credential-cache";
import type { Project, Role } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import { endpointPermission } from "./endpoint-access";
import { isOAuthAccessToken } from "./oauth-secrets";

const LAST_USED_RESOLUTION_MS = 60_000;

export type OAuthTokenCaller = { kind: "oauth"; grantId: string; userId: string; clientName: string };

type Row = Project & {
  oauth_token_hash: string;
  oauth_token_expires_at: Date;
  oauth_grant_id: string;
  oauth_grant_user_id: string;
  oauth_grant_resource: string;
  oauth_grant_environment: "DRAFT" | "PRODUCTION";
  oauth_grant_last_used_at: Date | null;
  oauth_client_name: string;
  oauth_member_role: Role | null;
  oauth_member_is_project_owner: boolean;
};

/**
 * The caller and the project (every column but the draft token hash) an access token opens on
 * the endpoint at `resource`, or null: not an OAuth access token, unknown, expired, revoked, bound
 * to another endpoint, or its user may no longer use it.
 */
export async function verifyOAuthAccessToken(options: {
  token: string;
  resource: string;
}): Promise<{ caller: OAuthTokenCaller; project: Omit<Project, "draftTokenHash"> } | null> {
  if (!isOAuthAccessToken(options.token)) return null;
  const hash = hashToken(options.token);
  const verified = await cachedDecision(`oauth\n${options.resource}\n${hash}`, () => queryAccessToken(hash, options.resource));
  if (!verified) return null;
  await touchGrant(verified.caller.grantId, verified.lastUsedAt);
  return { caller: verified.caller, project: verified.project };
}

/** The one query and the rules, for the credential cache: the decision and until when it holds. */
async function queryAccessToken(hash: string, resource: string) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.*,
      t."tokenHash" AS oauth_token_hash,
      t."expiresAt" AS oauth_token_expires_at,
      g."id" AS oauth_grant_id,
      g."userId" AS oauth_grant_user_id,
      g."resource" AS oauth_grant_resource,
      g."environment"::text AS oauth_grant_environment,
      g."lastUsedAt" AS oauth_grant_last_used_at,
      c."name" AS oauth_client_name,
      m."role"::text AS oauth_member_role,
      EXISTS (SELECT 1 FROM "ProjectOwner" o WHERE o."projectId" = g."projectId" AND o."membershipId" = m."id") AS oauth_member_is_project_owner
    FROM "OAuthAccessToken" t
    JOIN "OAuthGrant" g ON g."id" = t."grantId"
    JOIN "OAuthClient" c ON c."id" = g."clientId"
    JOIN "Project" p ON p."id" = g."projectId"
    LEFT JOIN "Membership" m ON m."organizationId" = g."organizationId" AND m."userId" = g."userId"
    WHERE t."tokenHash" = ${hash} AND g."revokedAt" IS NULL`;
  const row = rows[0];
  if (!row || !hashesEqual(row.oauth_token_hash, hash)) return null;
  if (new Date(row.oauth_token_expires_at).getTime() <= Date.now()) return null;
  if (row.oauth_grant_resource !== resource) return null;
  if (!row.oauth_member_role) return null;
  const principal = { role: row.oauth_member_role, isProjectOwner: row.oauth_member_is_project_owner };
  if (!can(principal, endpointPermission(row.oauth_grant_environment))) return null;
  const caller: OAuthTokenCaller = {
    kind: "oauth",
    grantId: row.oauth_grant_id,
    userId: row.oauth_grant_user_id,
    clientName: row.oauth_client_name,
  };
  const value = { caller, project: projectColumns(row), lastUsedAt: row.oauth_grant_last_used_at };
  return { value, expiresAt: new Date(row.oauth_token_expires_at).getTime() };
}

function projectColumns(row: Row): Omit<Project, "draftTokenHash"> {
  const project: Partial<Row> = { ...row };
  for (const key of Object.keys(project) as Array<keyof Row>) {
    if (key.startsWith("oauth_") || key === "draftTokenHash") delete project[key];
  }
  return project as Omit<Project, "draftTokenHash">;
}

/**
 * Records use at a minute's resolution (counting this process's own writes, which leave the
 * credential cache as it is); the condition makes concurrent requests and instances write once.
 */
async function touchGrant(grantId: string, lastUsedAt: Date | null) {
  if (!lastUsedDue(grantId, lastUsedAt, LAST_USED_RESOLUTION_MS)) return;
  const now = Date.now();
  const staleBefore = new Date(now - LAST_USED_RESOLUTION_MS);
  await db.oAuthGrant.updateMany({
    where: { id: grantId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: new Date(now) },
  });
}

export type StudioOAuthUser = { grantId: string; clientName: string; user: { id: string; email: string; name: string } };

/**
 * The user an access token acts for on the organization's studio MCP server at `resource`
 * ({origin}/mcp/{org}), or null: not an OAuth access token, unknown, expired, revoked, bound to
 * another endpoint (a project endpoint's token is refused here, and a studio token there, since
 * each is bound to its resource), or its user is no longer a member of the grant's organization.
 * What the user may do is then decided by their role, per tool (lib/studio-mcp), on every request.
 */
export async function verifyStudioAccessToken(options: { token: string; resource: string }): Promise<StudioOAuthUser | null> {
  if (!isOAuthAccessToken(options.token)) return null;
  const hash = hashToken(options.token);
  const record = await db.oAuthAccessToken.findUnique({
    where: { tokenHash: hash },
    select: {
      tokenHash: true,
      expiresAt: true,
      grant: {
        select: {
          id: true,
          organizationId: true,
          projectId: true,
          resource: true,
          revokedAt: true,
          lastUsedAt: true,
          client: { select: { name: true } },
          user: { select: { id: true, email: true, name: true } },
        },
      },
    },
  });
  if (!record || !hashesEqual(record.tokenHash, hash)) return null;
  const { grant } = record;
  if (grant.revokedAt || record.expiresAt.getTime() <= Date.now()) return null;
  if (grant.projectId !== null || grant.resource !== options.resource) return null;
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: grant.organizationId, userId: grant.user.id } },
    select: { role: true },
  });
  if (!membership || !can({ role: membership.role }, endpointPermission(null))) return null;
  await touchGrant(grant.id, grant.lastUsedAt);
  return { grantId: grant.id, clientName: grant.client.name, user: grant.user };
}
