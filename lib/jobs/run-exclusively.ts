// One instance at a time: a unit of background work runs inside a transaction that first takes a
// PostgreSQL transaction-level advisory lock (PGlite has them too). Another instance asking for the
// same lock meanwhile gets `false` at once and skips its turn; the lock is released at commit or
// rollback, so a crashed instance never leaves it held.
import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";

/** A stable 63-bit key for a job name (advisory locks take a bigint). */
export function advisoryLockKey(name: string): bigint {
  return createHash("sha256").update(`atelier-job:${name}`).digest().readBigInt64BE(0);
}

/** Runs `work` under the job's lock; answers `{ ran: false }` when another instance holds it. */
export async function runExclusively<T>(
  name: string,
  work: (tx: Tx) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<{ ran: true; result: T } | { ran: false }> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${advisoryLockKey(name)}) AS locked`;
      if (!row?.locked) return { ran: false as const };
      return { ran: true as const, result: await work(tx) };
    },
    { timeout: options.timeoutMs ?? 60_000, maxWait: 10_000 },
  );
}
