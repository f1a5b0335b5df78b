// Production access tokens (SPEC §5): named bearer credentials for one project's production
// endpoint, shown once, stored as SHA-256, revocable. Creation and revocation are audited.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { cachedDecision, lastUsedDue } from "@/lib/mcp/credential-cache";
import { generateToken, hashesEqual, hashToken, tokenKind } from "@/lib/tokens/secret-token";
import { nameSchema } from "@/lib/validation/common";

export const createProductionTokenSchema = z.object({ name: nameSchema });

// Writing lastUsedAt on every call would turn each MCP request into a write; a minute is precise enough.
const LAST_USED_RESOLUTION_MS = 60_000;

const publicFields = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const;

export async function listProductionTokens(options: { access: ProjectAccess }) {
  return db.productionToken.findMany({
    where: { projectId: options.access.project.id, revokedAt: null },
    select: publicFields,
    orderBy: { createdAt: "desc" },
  });
}

/** The token value is in the result only: it is stored as a hash. */
export async function createProductionToken(options: {
  access: ProjectAccess;
  actor: Actor;
  input: z.input<typeof createProductionTokenSchema>;
}) {
  const input = createProductionTokenSchema.parse(options.input);
  const { organization, project } = options.access;
  const { token, hash, prefix } = generateToken("prod");
  const created = await db.$transaction(async (tx) => {
    const record = await tx.productionToken.create({
      data: { projectId: project.id, name: input.name, tokenHash: hash, prefix, createdById: options.actor.userId },
      select: publicFields,
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "production_token.create",
      target: { type: "production_token", id: record.id, label: `${project.slug}/${record.name}` },
      newValue: { name: record.name, prefix },
    });
    return record;
  });
  return { ...created, token };
}

export async function revokeProductionToken(options: { access: ProjectAccess; actor: Actor; id: string }) {
  const { organization, project } = options.access;
  await db.$transaction(async (tx) => {
    const record = await tx.productionToken.findFirst({ where: { id: options.id, projectId: project.id, revokedAt: null } });
    if (!record) throw notFound("Production token");
    await tx.productionToken.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "production_token.revoke",
      target: { type: "production_token", id: record.id, label: `${project.slug}/${record.name}` },
      oldValue: { name: record.name, prefix: record.prefix },
    });
  });
}

/**
 * The live token of this project that `token` is, or null (wrong kind, unknown, revoked, other
 * project). Kept in the credential cache (lib/mcp/credential-cache.ts) until a write outdates it.
 */
export async function findProductionToken(options: { projectId: string; token: string }) {
  if (tokenKind(options.token) !== "prod") return null;
  const hash = hashToken(options.token);
  const record = await cachedDecision(`production_token\n${options.projectId}\n${hash}`, async () => {
    const found = await db.productionToken.findUnique({ where: { tokenHash: hash }, omit: { tokenHash: false } });
    if (!found || found.revokedAt || found.projectId !== options.projectId || !hashesEqual(found.tokenHash, hash)) return null;
    return { value: { id: found.id, name: found.name, lastUsedAt: found.lastUsedAt }, expiresAt: null };
  });
  if (!record) return null;
  if (lastUsedDue(record.id, record.lastUsedAt, LAST_USED_RESOLUTION_MS)) {
    await db.productionToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: record.id, name: record.name };
}
