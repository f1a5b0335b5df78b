// Retention: execution records and audit events older than their configured age are deleted, in
// batches (each its own short transaction under the job's lock, so a large backlog never holds one
// long transaction), oldest first. Both use an index on createdAt. Deleting executions takes them
// out of the stats rollups in the same statement (a trigger on "Execution", migration
// execution_rollups): counts subtracted, rollups left without calls removed.
// Defaults (lib/env.ts): executions 30 days — they hold what hosts' users sent and got back —
// and audit events 365 days; 0 keeps them forever.
import "server-only";
import type { Tx } from "@/lib/db";
import { runExclusively } from "./run-exclusively";

export type RetentionPolicy = { executionDays: number; auditDays: number };
export type RetentionResult = { executions: number; auditEvents: number; sessions: number; skipped: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;

async function deleteExecutionBatch(tx: Tx, before: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "Execution" WHERE "id" IN (
      SELECT "id" FROM "Execution" WHERE "createdAt" < ${before} ORDER BY "createdAt" LIMIT ${limit}
    )`;
}

async function deleteAuditBatch(tx: Tx, before: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "AuditEvent" WHERE "id" IN (
      SELECT "id" FROM "AuditEvent" WHERE "createdAt" < ${before} ORDER BY "createdAt" LIMIT ${limit}
    )`;
}

// Studio sessions past their expiry (lib/auth) refuse sign-in already; their rows go here. A small
// table (one row per sign-in, 30 days), so it is read without an index on expiresAt.
async function deleteExpiredSessionBatch(tx: Tx, before: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "Session" WHERE "id" IN (
      SELECT "id" FROM "Session" WHERE "expiresAt" < ${before} LIMIT ${limit}
    )`;
}

/** Deletes everything past its age, batch by batch; stops early (skipped) when another instance is at it. */
export async function applyRetention(options: {
  policy: RetentionPolicy;
  now?: Date;
  batchSize?: number;
  maxBatches?: number;
}): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 200;
  const result: RetentionResult = { executions: 0, auditEvents: 0, sessions: 0, skipped: false };
  const olderThan = (days: number) => (days > 0 ? new Date(now.getTime() - days * DAY_MS) : null);
  const kinds = [
    { before: olderThan(options.policy.executionDays), key: "executions" as const, remove: deleteExecutionBatch },
    { before: olderThan(options.policy.auditDays), key: "auditEvents" as const, remove: deleteAuditBatch },
    { before: now, key: "sessions" as const, remove: deleteExpiredSessionBatch },
  ];
  let batches = 0;
  for (const kind of kinds) {
    const before = kind.before;
    if (!before) continue;
    while (batches < maxBatches) {
      batches++;
      const turn = await runExclusively("retention", (tx) => kind.remove(tx, before, batchSize));
      if (!turn.ran) return { ...result, skipped: true };
      result[kind.key] += turn.result;
      if (turn.result < batchSize) break;
    }
  }
  return result;
}
