// The kill switch (SPEC §6): take a project's production endpoint off the public internet in one
// step during an incident. Production auth reads visibility from the database on every request
// (lib/mcp/production-credentials.ts), so the next anonymous call on any instance gets 401.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { unsafeRevokeGrant } from "@/lib/oauth/revoke-grant";
import { getProject } from "./projects";

export const killSwitchSchema = z.object({
  /** Also revoke every active OAuth grant and production token of the project. */
  revokeCredentials: z.boolean({ error: "must be true or false" }).default(false),
});

export const KILL_SWITCH_REVOKED_REASON = "kill_switch";

/**
 * Sets the project private with one conditional UPDATE (idempotent: an already private project
 * stays private) and, when asked, revokes its credentials — all in one transaction with the audit
 * event. Pressing it is always recorded, even when nothing changed: during an incident the log
 * should show who pulled the switch and when.
 */
export async function disablePublicAccess(options: { access: ProjectAccess; actor: Actor; input: z.input<typeof killSwitchSchema> }) {
  const { revokeCredentials } = killSwitchSchema.parse(options.input);
  const { project, organization } = options.access;
  const revoked = await db.$transaction(async (tx) => {
    const { count: madePrivate } = await tx.project.updateMany({
      where: { id: project.id, visibility: "PUBLIC" },
      data: { visibility: "PRIVATE" },
    });
    const now = new Date();
    const counts = { productionTokens: 0, oauthGrants: 0 };
    if (revokeCredentials) {
      counts.productionTokens = (
        await tx.productionToken.updateMany({ where: { projectId: project.id, revokedAt: null }, data: { revokedAt: now } })
      ).count;
      // Through unsafeRevokeGrant, like every other revocation: tokens deleted, one grant.revoke each.
      const grants = await tx.oAuthGrant.findMany({ where: { projectId: project.id, revokedAt: null }, select: { id: true } });
      for (const grant of grants) {
        if (await unsafeRevokeGrant({ grantId: grant.id, reason: KILL_SWITCH_REVOKED_REASON, actor: options.actor, tx }))
          counts.oauthGrants += 1;
      }
    }
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "project.kill_switch",
      target: { type: "project", id: project.id, label: project.slug },
      oldValue: { visibility: madePrivate ? "public" : "private" },
      newValue: { visibility: "private", revokeCredentials, revoked: counts },
    });
    return counts;
  });
  return { ...(await getProject({ access: options.access })), revoked };
}
