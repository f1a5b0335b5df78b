// Tool secrets: encrypted at rest (AES-256-GCM), write-only through the API,
// decrypted only to hand to the sandbox. Changes are audited without values.
//
// Per environment (issue 16 §5): a secret has a production value, which the draft uses too, and
// may have a draft value of its own (a sandbox API key, say). Writing "both" sets the production
// value and drops a draft one; "draft" or "production" sets that one only. A handler reads the value
// for the endpoint it runs on; a production call whose secret has no production value fails.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { writeDraft } from "@/lib/projects/write-draft";
import { getToolRowOrThrow } from "./tools";

export const secretKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, "must be UPPER_SNAKE_CASE, like API_KEY");
export const SECRET_ENVIRONMENTS = ["both", "draft", "production"] as const;
export type SecretEnvironment = (typeof SECRET_ENVIRONMENTS)[number];
export const setSecretSchema = z.object({
  value: z.string().min(1, "is required").max(10_000),
  environment: z.enum(SECRET_ENVIRONMENTS).default("both"),
});

// A draft value is bound to the draft: copied into the production column, it does not decrypt.
const associatedData = (toolId: string, key: string, environment: "draft" | "production" = "production") =>
  environment === "production" ? `${toolId}:${key}` : `${toolId}:${key}:draft`;

/** Which environments have a value: the draft has one of its own, or uses the production one. */
function presentSecret(row: { key: string; updatedAt: Date; hasProduction: boolean; hasDraft: boolean }) {
  return {
    key: row.key,
    updatedAt: row.updatedAt,
    environments: { production: row.hasProduction, draft: row.hasDraft || row.hasProduction, draftOwnValue: row.hasDraft },
  };
}

async function secretRows(toolIds: string[]) {
  const rows = await db.toolSecret.findMany({
    where: { toolId: { in: toolIds } },
    select: { toolId: true, key: true, updatedAt: true, ciphertext: true, draftCiphertext: true },
    orderBy: { key: "asc" },
  });
  return rows.map((row) => ({
    toolId: row.toolId,
    ...presentSecret({
      key: row.key,
      updatedAt: row.updatedAt,
      hasProduction: row.ciphertext !== null,
      hasDraft: row.draftCiphertext !== null,
    }),
  }));
}

export async function listSecretNames(options: { access: ProjectAccess; toolName: string }) {
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName });
  return (await secretRows([tool.id])).map(({ toolId: _toolId, ...secret }) => secret);
}

/** Secrets of the project's draft tools with no production value: a production call would fail. */
export async function listSecretsMissingInProduction(projectId: string) {
  const tools = await db.tool.findMany({ where: { projectId }, select: { id: true, name: true } });
  const rows = await secretRows(tools.map((tool) => tool.id));
  return rows
    .filter((row) => !row.environments.production)
    .map((row) => ({ tool: tools.find((tool) => tool.id === row.toolId)?.name ?? "", key: row.key }));
}

export async function setSecret(options: {
  access: ProjectAccess;
  actor: Actor;
  toolName: string;
  key: string;
  value: string;
  environment?: SecretEnvironment;
}) {
  const key = secretKeySchema.parse(options.key);
  const { value, environment } = setSecretSchema.parse({ value: options.value, environment: options.environment });
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName });
  const seal = (target: "draft" | "production") => encryptSecret(value, env().encryptionKey, associatedData(tool.id, key, target));
  const columns =
    environment === "both"
      ? { ciphertext: seal("production"), draftCiphertext: null }
      : environment === "production"
        ? { ciphertext: seal("production") }
        : { draftCiphertext: seal("draft") };
  await writeDraft(options.access.project.id, async (tx) => {
    const existed = await tx.toolSecret.findUnique({ where: { toolId_key: { toolId: tool.id, key } }, select: { id: true } });
    await tx.toolSecret.upsert({
      where: { toolId_key: { toolId: tool.id, key } },
      update: columns,
      create: { toolId: tool.id, key, ...columns },
    });
    await recordAuditEvent(tx, {
      organizationId: options.access.organization.id,
      actor: options.actor,
      action: existed ? "secret.update" : "secret.create",
      target: { type: "secret", id: tool.id, label: `${options.access.project.slug}/${tool.name}/${key}` },
      newValue: { environment },
    });
  });
  return { key, environment };
}

/** Deletes the secret, or (environment) only its draft or production value. */
export async function deleteSecret(options: {
  access: ProjectAccess;
  actor: Actor;
  toolName: string;
  key: string;
  environment?: "draft" | "production";
}) {
  const tool = await getToolRowOrThrow({ projectId: options.access.project.id, name: options.toolName });
  await writeDraft(options.access.project.id, async (tx) => {
    const where = { toolId_key: { toolId: tool.id, key: options.key } };
    const row = await tx.toolSecret.findUnique({ where, select: { id: true, ciphertext: true, draftCiphertext: true } });
    if (!row) throw notFound("Secret");
    const keepProduction = options.environment === "draft" && row.ciphertext !== null;
    const keepDraft = options.environment === "production" && row.draftCiphertext !== null;
    if (keepProduction) await tx.toolSecret.update({ where, data: { draftCiphertext: null } });
    else if (keepDraft) await tx.toolSecret.update({ where, data: { ciphertext: null } });
    else await tx.toolSecret.delete({ where });
    await recordAuditEvent(tx, {
      organizationId: options.access.organization.id,
      actor: options.actor,
      action: "secret.delete",
      target: { type: "secret", id: tool.id, label: `${options.access.project.slug}/${tool.name}/${options.key}` },
    });
  });
}

/**
 * Decrypted secrets of one tool for the endpoint it runs on, for the sandbox only. Read at call
 * time (live on both endpoints). `missing` names secrets with no value there (production only:
 * the draft falls back to the production value).
 */
export async function unsafeLoadToolSecrets(
  toolId: string,
  environment: "draft" | "production" = "production",
): Promise<{ secrets: Record<string, string>; missing: string[] }> {
  const rows = await db.toolSecret.findMany({ where: { toolId }, omit: { ciphertext: false, draftCiphertext: false } });
  const key = env().encryptionKey;
  const secrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const row of rows) {
    if (environment === "draft" && row.draftCiphertext !== null) {
      secrets[row.key] = decryptSecret(row.draftCiphertext, key, associatedData(toolId, row.key, "draft"));
    } else if (row.ciphertext !== null) {
      secrets[row.key] = decryptSecret(row.ciphertext, key, associatedData(toolId, row.key));
    } else missing.push(row.key);
  }
  return { secrets, missing };
}
