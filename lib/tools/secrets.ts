// Tool secrets: encrypted at rest (AES-256-GCM), write-only through the API,
// decrypted only to hand to the sandbox. Changes are audited without values.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { touchDraft } from "@/lib/projects/touch-draft";
import { getToolRowOrThrow } from "./tools";

export const secretKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, "must be UPPER_SNAKE_CASE, like API_KEY");
export const setSecretSchema = z.object({ value: z.string().min(1, "is required").max(10_000) });

const associatedData = (toolId: string, key: string) => `${toolId}:${key}`;

export async function listSecretNames(options: { access: ProjectAccess; toolName: string }) {
  const tool = await getToolRowOrThrow(options.access.project.id, options.toolName);
  return db.toolSecret.findMany({ where: { toolId: tool.id }, select: { key: true, updatedAt: true }, orderBy: { key: "asc" } });
}

export async function setSecret(options: { access: ProjectAccess; actor: Actor; toolName: string; key: string; value: string }) {
  const key = secretKeySchema.parse(options.key);
  const { value } = setSecretSchema.parse({ value: options.value });
  const tool = await getToolRowOrThrow(options.access.project.id, options.toolName);
  const ciphertext = encryptSecret(value, env().encryptionKey, associatedData(tool.id, key));
  await db.$transaction(async (tx) => {
    const existed = await tx.toolSecret.findUnique({ where: { toolId_key: { toolId: tool.id, key } }, select: { id: true } });
    await touchDraft(tx, options.access.project.id);
    await tx.toolSecret.upsert({
      where: { toolId_key: { toolId: tool.id, key } },
      update: { ciphertext },
      create: { toolId: tool.id, key, ciphertext },
    });
    await recordAuditEvent(tx, {
      organizationId: options.access.organization.id,
      actor: options.actor,
      action: existed ? "secret.update" : "secret.create",
      target: { type: "secret", id: tool.id, label: `${options.access.project.slug}/${tool.name}/${key}` },
    });
  });
  return { key };
}

export async function deleteSecret(options: { access: ProjectAccess; actor: Actor; toolName: string; key: string }) {
  const tool = await getToolRowOrThrow(options.access.project.id, options.toolName);
  await db.$transaction(async (tx) => {
    const removed = await tx.toolSecret.deleteMany({ where: { toolId: tool.id, key: options.key } });
    if (removed.count === 0) throw notFound("Secret");
    await touchDraft(tx, options.access.project.id);
    await recordAuditEvent(tx, {
      organizationId: options.access.organization.id,
      actor: options.actor,
      action: "secret.delete",
      target: { type: "secret", id: tool.id, label: `${options.access.project.slug}/${tool.name}/${options.key}` },
    });
  });
}

/** Decrypted secrets of one tool, for the sandbox only. Read at call time (live on both endpoints). */
export async function unsafeLoadToolSecrets(toolId: string): Promise<Record<string, string>> {
  const rows = await db.toolSecret.findMany({ where: { toolId }, omit: { ciphertext: false } });
  const key = env().encryptionKey;
  return Object.fromEntries(rows.map((row) => [row.key, decryptSecret(row.ciphertext, key, associatedData(toolId, row.key))]));
}
