// The MCP endpoints' auth decisions (credential → project, caller, expiry), kept in memory on the
// embedded default so a request needs no query to authenticate. PGlite runs on the server's only
// thread, and this one lookup per request was a fifth of it.
//
// No staleness, by a write generation instead of a list of invalidation calls:
// - Every Prisma write on any model but the ones listed in IRRELEVANT_MODELS, and every raw SQL
//   statement that may write a table not in that list, bumps the generation (lib/db.ts, a query
//   extension on the one client every module uses — the retention job and the execution recorder
//   included). It bumps when the write is issued, again when it has returned, and once more when
//   a $transaction that saw a bump settles (after its COMMIT). Writes of `lastUsedAt` alone are
//   the one exception: that column is bookkeeping, never part of a decision.
// - An entry is stamped with the generation read *before* its query started, and is served only
//   while the generation is still that number. A write that commits while the query runs, or any
//   time after, therefore outdates the entry: the next request after a revoke, rotation, kill
//   switch, visibility flip, rename, delete, membership or role change, rate-limit change, draft
//   save, publish or rollback queries again.
// - Expiry needs no write: an entry keeps the credential's expiresAt and is refused past it.
// Why an allow-list of skipped tables and not of watched ones: a table added later (or a cascade
// from a parent table, e.g. a deleted user's memberships) invalidates by default. The skipped
// tables are leaves nothing references and that no verifier reads: Execution, AuditEvent, Session
// (each written with scalar fields only — lib/executions/recorder.ts, lib/audit/record-audit-event.ts,
// lib/auth/sessions.ts, lib/jobs/retention.ts — so no nested write hides under them). Raw SQL is
// read for its write targets (rawSqlInvalidates); a write outside this client is impossible on
// PGlite, which one process opens at a time (migrations run before the client exists).
//
// Only on PGlite: one process owns the database, so every write goes through this process's
// client. On PostgreSQL several instances may write (a revoke on one must hold on the others on
// the next request), so each request keeps its query there; those run off the main thread.
import "server-only";

/** Rows of these tables never change an auth decision (see above); writing them keeps the cache. */
const IRRELEVANT_MODELS = new Set(["Execution", "AuditEvent", "Session"]);
const MAX_ENTRIES = 10_000;

type Entry = { generation: number; value: unknown; expiresAt: number | null };
type State = { enabled: boolean; generation: number; entries: Map<string, Entry>; touches: Map<string, number> };
// On globalThis: Next's route bundles and a custom server may each load this module, and they
// must share one generation, bumped by the one database client (lib/db.ts keeps it there too).
const state: State = ((globalThis as { __atelierCredentialCache?: State }).__atelierCredentialCache ??= {
  enabled: false,
  generation: 0,
  entries: new Map(),
  touches: new Map(),
});

/** Something that changes auth decisions was (or is being) written: drop every entry. */
export function invalidateCredentials() {
  state.generation++;
  state.entries.clear();
}

/** The generation now; a transaction compares it before and after (lib/db.ts). */
export function credentialGeneration() {
  return state.generation;
}

/** Whether a Prisma write (`model`, `operation`, `args`) may change an auth decision. */
export function writeInvalidates(model: string, operation: string, args: unknown): boolean {
  if (!WRITE_OPERATIONS.has(operation)) return false;
  if (IRRELEVANT_MODELS.has(model)) return false;
  const data = (args as { data?: unknown } | undefined)?.data;
  const onlyLastUsed =
    (operation === "update" || operation === "updateMany") &&
    data !== null &&
    typeof data === "object" &&
    !Array.isArray(data) &&
    Object.keys(data).length === 1 &&
    "lastUsedAt" in data;
  return !onlyLastUsed;
}

const WRITE_OPERATIONS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

const WRITE_KEYWORD = /\b(insert|update|delete|truncate|merge|alter|drop|create|grant|copy|call|do)\b/gi;
const WRITE_TARGET = /^\s+(?:into\s+|from\s+|table\s+)?(?:only\s+)?(?:"?public"?\.)?"(\w+)"/i;

/**
 * Whether a raw statement may change an auth decision: false only for statements without a write
 * keyword, or whose every write keyword is followed by a quoted table in IRRELEVANT_MODELS (the
 * execution recorder's INSERT, the retention job's DELETEs). Anything unparsed counts as a write.
 */
export function rawSqlInvalidates(sql: string | null): boolean {
  if (sql === null) return true;
  for (const match of sql.matchAll(WRITE_KEYWORD)) {
    const target = WRITE_TARGET.exec(sql.slice(match.index + match[0].length))?.[1];
    if (!target || !IRRELEVANT_MODELS.has(target)) return true;
  }
  return false;
}

/** Called by lib/db.ts when it opens PGlite: until then (and on PostgreSQL) every decision is a query. */
export function enableCredentialCache() {
  state.enabled = true;
}

/**
 * The decision `load` takes for `key`, from memory while nothing relevant was written since it
 * was read and it has not expired (`expiresAt` in ms, null for never). Refusals (null) are not
 * kept: they are rare, and an unknown token must not push known ones out. On PostgreSQL, `load`
 * runs every time.
 */
export async function cachedDecision<T>(
  key: string,
  load: () => Promise<{ value: T; expiresAt: number | null } | null>,
): Promise<T | null> {
  if (!state.enabled) return (await load())?.value ?? null;
  const entry = state.entries.get(key);
  if (entry && entry.generation === state.generation) {
    if (entry.expiresAt === null || entry.expiresAt > Date.now()) {
      // Most recently used last, so the oldest is evicted first.
      state.entries.delete(key);
      state.entries.set(key, entry);
      // A copy: a caller changing the project it was handed must not change the next request's.
      return structuredClone(entry.value) as T;
    }
    state.entries.delete(key);
  }
  const generation = state.generation;
  const loaded = await load();
  if (!loaded) return null;
  if (generation === state.generation) {
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
    state.entries.set(key, { generation, value: structuredClone(loaded.value), expiresAt: loaded.expiresAt });
  }
  return loaded.value;
}

/**
 * Whether a credential's lastUsedAt is due a write (at most one per `resolutionMs`), counting the
 * writes this process made since the (maybe cached) `lastUsedAt` was read. Those writes don't
 * invalidate the cache, so without this a cached credential would be written on every request.
 */
export function lastUsedDue(id: string, lastUsedAt: Date | null, resolutionMs: number): boolean {
  const now = Date.now();
  const last = Math.max(lastUsedAt ? new Date(lastUsedAt).getTime() : 0, state.touches.get(id) ?? 0);
  if (now - last < resolutionMs) return false;
  state.touches.delete(id);
  if (state.touches.size >= MAX_ENTRIES) state.touches.delete(state.touches.keys().next().value!);
  state.touches.set(id, now);
  return true;
}
