// Organization audit log. Always called with the transaction of the change it
// records, so an event exists exactly when its change does. Never pass secret values.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditTarget = { type: string; id?: string | null; label: string };

export async function recordAuditEvent(
  tx: Tx,
  event: {
    organizationId: string;
    actor: Actor | null;
    action: string;
    target: AuditTarget;
    oldValue?: Prisma.InputJsonValue | null;
    newValue?: Prisma.InputJsonValue | null;
  },
) {
  const { actor } = event;
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorUserId: actor?.userId ?? null,
      actorTokenId: actor?.tokenId ?? null,
      actorLabel: actor ? (actor.tokenId ? `${actor.email} (API token)` : actor.email) : "system",
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id ?? null,
      targetLabel: event.target.label,
      oldValue: event.oldValue ?? undefined,
      newValue: event.newValue ?? undefined,
      // Empty means unknown: stored as null, so an export's empty cell reads back as exactly that.
      ip: actor?.ip || null,
      userAgent: actor?.userAgent || null,
    },
  });
}
