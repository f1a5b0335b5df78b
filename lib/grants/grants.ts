// Authorized apps (SPEC §5): the OAuth grants of an organization — which host (client) may reach
// which endpoint on whose behalf — and their revocation from the studio or the admin API.
//
// Who sees what (decided here, in one place):
// - every member sees and revokes their own grants;
// - holders of `organization.grants` (Owners, Admins) see and revoke every grant of the organization;
// - another member's grant is, for a plain member, exactly like a grant that does not exist: 404
//   on revoke, absent from the list — its existence is not revealed. Another organization's grant
//   or an unknown id is a 404 for everyone, and so is a grant that is already revoked (it has
//   left the list; revoking twice changes nothing).
// Only active grants (revokedAt null) are listed; a grant exists once its host redeemed the
// authorization code (lib/oauth/exchange-token.ts), so an abandoned consent is never listed. A grant
// of someone who has since left the organization, or whose role no longer allows its endpoint (an
// Editor made Viewer holding a draft grant), stays listed (flagged, `user.access`) until revoked:
// it opens nothing — the MCP endpoints check membership and role on every request — but it is
// still a record to clear.
import "server-only";
import type { OrganizationAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { endpointPermission } from "@/lib/oauth/endpoint-access";
import { unsafeRevokeGrant } from "@/lib/oauth/revoke-grant";
import { can } from "@/lib/permissions";
import { pageArgs, toPage, type Pagination } from "@/lib/validation/common";

const grantSelect = {
  id: true,
  environment: true,
  resource: true,
  scopes: true,
  projectId: true,
  createdAt: true,
  lastUsedAt: true,
  client: { select: { clientId: true, name: true, kind: true, redirectUris: true } },
  user: { select: { id: true, name: true, email: true } },
  project: { select: { slug: true, name: true } },
} as const;

type GrantRow = Prisma.OAuthGrantGetPayload<{ select: typeof grantSelect }>;

/** Whether the actor sees every grant of the organization, or only their own. */
export function seesAllGrants(access: OrganizationAccess): boolean {
  return can({ role: access.membership.role }, "organization.grants");
}

/** The grants this actor may see and revoke: the scoped query every read and revoke goes through. */
function visibleGrantsWhere(access: OrganizationAccess): Prisma.OAuthGrantWhereInput {
  return {
    organizationId: access.organization.id,
    revokedAt: null,
    ...(seesAllGrants(access) ? {} : { userId: access.membership.userId }),
  };
}

/** The hosts a client redirects to, which is how people recognize a client whose name it chose itself. */
function redirectHosts(redirectUris: string[]): string[] {
  const hosts = new Set<string>();
  for (const uri of redirectUris) {
    try {
      hosts.add(new URL(uri).host);
    } catch {
      // Redirect URIs are validated at registration; an unparsable one has no host to show.
    }
  }
  return [...hosts];
}

type MemberRoles = Map<string, { role: Role; ownedProjectIds: string[] }>;

/** Whether the grant's user may still use its endpoint, as the MCP endpoints decide on every request. */
function grantAccess(row: GrantRow, members: MemberRoles): "allowed" | "not_member" | "role" {
  const member = members.get(row.user.id);
  if (!member) return "not_member";
  const principal = { role: member.role, isProjectOwner: row.projectId !== null && member.ownedProjectIds.includes(row.projectId) };
  return can(principal, endpointPermission(row.environment)) ? "allowed" : "role";
}

function endpointKind(environment: GrantRow["environment"]): "draft" | "production" | "studio" {
  if (environment === null) return "studio";
  return environment === "DRAFT" ? "draft" : "production";
}

function presentGrant(row: GrantRow, members: MemberRoles) {
  return {
    id: row.id,
    client: {
      clientId: row.client.clientId,
      name: row.client.name,
      kind: row.client.kind,
      redirectHosts: redirectHosts(row.client.redirectUris),
    },
    user: { ...row.user, isMember: members.has(row.user.id), access: grantAccess(row, members) },
    project: row.project,
    /** "studio" (project null): the organization's studio MCP server. */
    endpoint: { environment: endpointKind(row.environment), url: row.resource },
    scopes: row.scopes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}

export type GrantListItem = ReturnType<typeof presentGrant>;

/** Active grants, newest first, a page at a time (`?cursor`, `?limit`). */
export async function listGrants(options: { access: OrganizationAccess; page: Pagination }) {
  const rows = await db.oAuthGrant.findMany({
    where: visibleGrantsWhere(options.access),
    select: grantSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  const memberships = await db.membership.findMany({
    where: { organizationId: options.access.organization.id, userId: { in: [...new Set(page.data.map((row) => row.user.id))] } },
    select: { userId: true, role: true, projectOwners: { select: { projectId: true } } },
  });
  const members: MemberRoles = new Map(
    memberships.map((member) => [
      member.userId,
      { role: member.role, ownedProjectIds: member.projectOwners.map((owner) => owner.projectId) },
    ]),
  );
  return { ...page, data: page.data.map((row) => presentGrant(row, members)) };
}

/**
 * Revokes one grant the actor may see (else 404, see above), through the authorization server's
 * own revokeGrant: its access and refresh tokens go with it and the MCP endpoints read
 * grant.revokedAt on every call, so the host's next request is refused. Audited as "grant.revoke"
 * in the same transaction.
 */
export async function revokeGrant(options: { access: OrganizationAccess; actor: Actor; id: string }) {
  await db.$transaction(async (tx) => {
    const grant = await tx.oAuthGrant.findFirst({
      where: { id: options.id, ...visibleGrantsWhere(options.access) },
      select: { id: true, userId: true },
    });
    if (!grant) throw notFound("Grant");
    const reason = grant.userId === options.actor.userId ? "revoked_by_user" : "revoked_by_admin";
    await unsafeRevokeGrant({ tx, grantId: grant.id, reason, actor: options.actor });
  });
}
