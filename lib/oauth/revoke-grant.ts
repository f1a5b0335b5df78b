// Revoking a grant: the one function every path uses — the Authorized apps page and API, refresh
// token and authorization code reuse, the revocation endpoint, a deleted client registration.
// Its access and refresh tokens are deleted with it; the MCP endpoints also check revokedAt on
// every request, so the host's next call is refused on every instance.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";

/** Why a grant ended, as stored in OAuthGrant.revokedReason and the audit entry. */
export type GrantRevocationReason =
  | "revoked_by_user"
  | "revoked_by_admin"
  | "revoked_by_client"
  | "refresh_token_reuse"
  | "authorization_code_reuse"
  | "client_deleted"
  | "kill_switch"
  | (string & {});

/**
 * Unscoped (by grant id, no access check: callers have already decided). Marks the grant revoked and records "grant.revoke" in the same transaction (pass `tx` to make it
 * part of a larger one). `actor` is the person who revoked it, or null when the server did
 * (reuse detection). Returns the revoked grant, or null when it was unknown or already revoked —
 * revoking twice changes nothing and records nothing.
 */
export async function unsafeRevokeGrant(options: { grantId: string; reason: GrantRevocationReason; actor?: Actor | null; tx?: Tx }) {
  const { tx, ...rest } = options;
  return tx ? revokeGrantIn(tx, rest) : db.$transaction((transaction) => revokeGrantIn(transaction, rest));
}

async function revokeGrantIn(tx: Tx, options: { grantId: string; reason: GrantRevocationReason; actor?: Actor | null }) {
  const revokedAt = new Date();
  const { count } = await tx.oAuthGrant.updateMany({
    where: { id: options.grantId, revokedAt: null },
    data: { revokedAt, revokedReason: options.reason },
  });
  if (count === 0) return null;
  const grant = await tx.oAuthGrant.findUniqueOrThrow({
    where: { id: options.grantId },
    include: { client: { select: { name: true } }, project: { select: { slug: true } } },
  });
  await tx.oAuthAccessToken.deleteMany({ where: { grantId: grant.id } });
  await tx.oAuthRefreshToken.deleteMany({ where: { grantId: grant.id } });
  await recordAuditEvent(tx, {
    organizationId: grant.organizationId,
    actor: options.actor ?? null,
    action: "grant.revoke",
    target: { type: "oauth_grant", id: grant.id, label: grantLabel(grant) },
    oldValue: { clientName: grant.client.name, resource: grant.resource, scopes: grant.scopes },
    newValue: { reason: options.reason },
  });
  return grant;
}

/** How a grant is named in the audit log: "Claude → demo (draft)", or "Claude → studio" for the studio MCP server. */
export function grantLabel(grant: {
  client: { name: string };
  project: { slug: string } | null;
  environment: "DRAFT" | "PRODUCTION" | null;
}): string {
  if (!grant.project || !grant.environment) return `${grant.client.name} → studio`;
  return `${grant.client.name} → ${grant.project.slug} (${grant.environment.toLowerCase()})`;
}
