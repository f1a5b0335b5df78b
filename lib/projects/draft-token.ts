// The draft endpoint's token: one per project, stored as a hash, rotation
// replaces it (the old one stops working on the next request).
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { cachedDecision } from "@/lib/mcp/credential-cache";
import { generateToken, hashToken, hashesEqual, tokenKind } from "@/lib/tokens/secret-token";

export async function rotateDraftToken(options: { access: ProjectAccess; actor: Actor }) {
  const { project, organization } = options.access;
  const { token, hash, prefix } = generateToken("draft");
  const rotatedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.project.update({
      where: { id: project.id },
      data: { draftTokenHash: hash, draftTokenPrefix: prefix, draftTokenRotatedAt: rotatedAt },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "draft_token.rotate",
      target: { type: "project", id: project.id, label: project.slug },
    });
  });
  return { token, prefix, rotatedAt };
}

/**
 * The project a draft token opens, if it is that project's current token: one indexed query, or
 * none while the answer is in the credential cache (lib/mcp/credential-cache.ts).
 */
export async function findProjectByDraftToken(options: { orgSlug: string; projectSlug: string; token: string }) {
  if (tokenKind(options.token) !== "draft") return null;
  const hash = hashToken(options.token);
  return cachedDecision(`draft\n${options.orgSlug}\n${options.projectSlug}\n${hash}`, async () => {
    const project = await db.project.findFirst({
      where: { draftTokenHash: hash, slug: options.projectSlug, organization: { slug: options.orgSlug } },
      omit: { draftTokenHash: false },
    });
    if (!project?.draftTokenHash || !hashesEqual(project.draftTokenHash, hash)) return null;
    return { value: project, expiresAt: null };
  });
}
