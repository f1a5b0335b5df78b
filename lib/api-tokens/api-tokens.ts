// Personal API tokens for the admin REST API. The value is returned once, at creation.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { generateToken } from "@/lib/tokens/secret-token";
import { nameSchema } from "@/lib/validation/common";

export const createApiTokenSchema = z.object({ name: nameSchema });

const publicFields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listApiTokens(options: { actor: Actor }) {
  return db.apiToken.findMany({
    where: { userId: options.actor.userId, revokedAt: null },
    select: publicFields,
    orderBy: { createdAt: "desc" },
  });
}

export async function createApiToken(options: { actor: Actor; input: z.input<typeof createApiTokenSchema> }) {
  const input = createApiTokenSchema.parse(options.input);
  const { token, hash, prefix } = generateToken("pat");
  const record = await db.apiToken.create({
    data: { userId: options.actor.userId, name: input.name, tokenHash: hash, prefix },
    select: publicFields,
  });
  return { ...record, token };
}

export async function revokeApiToken(options: { actor: Actor; id: string }) {
  const revoked = await db.apiToken.updateMany({
    where: { id: options.id, userId: options.actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw notFound("API token");
}
