// The studio test panel's credential for the draft endpoint. The panel runs as the signed-in
// member, not with the project's shared draft token (which stays for hosts and scripts): the
// studio mints a short-lived opaque token for that member, bound to the project's draft URL the
// way an OAuth access token is bound to its resource, and the panel renews it before it expires.
// Only the SHA-256 is stored. Checking it (verify-test-panel-token.ts) reads the member's current
// role on every request, so losing the role or leaving the organization cuts it off at once.
import "server-only";
import { randomBytes } from "node:crypto";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/tokens/secret-token";

const PREFIX = "atl_tpt_";
/** Short enough that a leaked value is soon worthless, long enough that renewals are rare. */
export const TEST_PANEL_TOKEN_TTL_MS = 15 * 60 * 1000;

/** Cheap dispatch on the draft endpoint's hot path, by prefix alone. */
export function isTestPanelToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/**
 * A new credential for `actor` on the project of `access`, valid on `resource` (the project's
 * draft endpoint URL) only. The member's expired credentials for the project are deleted on the way.
 */
export async function issueTestPanelToken(options: { access: ProjectAccess; actor: Actor; resource: string }) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = Date.now();
  const expiresAt = new Date(now + TEST_PANEL_TOKEN_TTL_MS);
  const projectId = options.access.project.id;
  await db.$transaction([
    db.testPanelToken.deleteMany({ where: { userId: options.actor.userId, projectId, expiresAt: { lte: new Date(now) } } }),
    db.testPanelToken.create({
      data: { tokenHash: hashToken(token), userId: options.actor.userId, projectId, resource: options.resource, expiresAt },
      select: { id: true },
    }),
  ]);
  return { token, resource: options.resource, expiresAt, expiresInSeconds: Math.floor(TEST_PANEL_TOKEN_TTL_MS / 1000) };
}
