// Stand-in until lib/oauth exports revokeGrant (the authorization server's own, which the token
// endpoint's reuse detection also uses): marks the grant revoked and audits "grant.revoke".
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db";

export async function revokeGrantRecord(options: { tx: Tx; grantId: string; reason: string; actor: Actor | null }) {
  const grant = await options.tx.oAuthGrant.update({
    where: { id: options.grantId },
    data: { revokedAt: new Date(), revokedReason: options.reason },
    include: { client: { select: { name: true } }, project: { select: { slug: true } } },
  });
  await recordAuditEvent(options.tx, {
    organizationId: grant.organizationId,
    actor: options.actor,
    action: "grant.revoke",
    target: { type: "oauth_grant", id: grant.id, label: `${grant.client.name} → ${grant.project.slug} (${grant.environment.toLowerCase()})` },
    oldValue: { clientName: grant.client.name, resource: grant.resource, scopes: grant.scopes },
    newValue: { reason: options.reason },
  });
}
