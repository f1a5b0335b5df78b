import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  cachedDecision,
  credentialGeneration,
  enableCredentialCache,
  invalidateCredentials,
  lastUsedDue,
  rawSqlInvalidates,
  writeInvalidates,
} from "./credential-cache";

beforeAll(() => enableCredentialCache());
afterEach(() => {
  invalidateCredentials();
  vi.useRealTimers();
});

/** A loader that counts its calls and answers `value` (null: refused). */
function loader<T>(value: T | null, expiresAt: number | null = null) {
  const load = vi.fn(async () => (value === null ? null : { value, expiresAt }));
  return load;
}

describe("cachedDecision", () => {
  it("loads once, then answers from memory with a copy the caller may change", async () => {
    const load = loader({ project: { id: "p1", draftRevision: 3 } });
    const first = await cachedDecision("k", load);
    first!.project.draftRevision = 99;
    const second = await cachedDecision("k", load);
    expect(second).toEqual({ project: { id: "p1", draftRevision: 3 } });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("loads again after any invalidation", async () => {
    const load = loader("yes");
    await cachedDecision("k", load);
    const before = credentialGeneration();
    invalidateCredentials();
    expect(credentialGeneration()).toBe(before + 1);
    await cachedDecision("k", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not keep a decision read while a write happened", async () => {
    const load = vi.fn(async () => {
      invalidateCredentials(); // a write that commits while the query runs
      return { value: "stale?", expiresAt: null };
    });
    expect(await cachedDecision("k", load)).toBe("stale?");
    await cachedDecision("k", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("never keeps a refusal", async () => {
    const load = loader(null);
    expect(await cachedDecision("k", load)).toBeNull();
    expect(await cachedDecision("k", load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("loads again once the credential has expired, without any write", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000_000 });
    const load = loader("token", 1_000_000 + 60_000);
    await cachedDecision("k", load);
    vi.setSystemTime(1_000_000 + 59_999);
    await cachedDecision("k", load);
    expect(load).toHaveBeenCalledTimes(1);
    vi.setSystemTime(1_000_000 + 60_000);
    await cachedDecision("k", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps at most 10,000 entries, evicting the least recently used", async () => {
    await cachedDecision("first", loader(0));
    for (let index = 1; index < 10_000; index++) await cachedDecision(`k${index}`, async () => ({ value: index, expiresAt: null }));
    const first = loader(0);
    await cachedDecision("first", first); // used again: now the most recent
    expect(first).not.toHaveBeenCalled();
    await cachedDecision("overflow", loader(-1));
    const k1 = loader(1);
    await cachedDecision("k1", k1); // the least recently used went
    expect(k1).toHaveBeenCalledTimes(1);
    const again = loader(0);
    await cachedDecision("first", again);
    expect(again).not.toHaveBeenCalled();
  });
});

describe("writeInvalidates", () => {
  it("counts every write on a model an auth decision may read", () => {
    for (const operation of ["create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany", "createManyAndReturn"]) {
      expect(writeInvalidates("Project", operation, { data: {} })).toBe(true);
    }
    expect(writeInvalidates("Membership", "delete", { where: {} })).toBe(true);
    expect(writeInvalidates("User", "delete", { where: {} })).toBe(true); // cascades to memberships
    expect(writeInvalidates("SomeFutureModel", "update", { data: { x: 1 } })).toBe(true);
  });

  it("ignores reads, writes of execution records, audit events and sessions, and lastUsedAt bookkeeping", () => {
    expect(writeInvalidates("Project", "findFirst", {})).toBe(false);
    expect(writeInvalidates("Execution", "createMany", { data: [] })).toBe(false);
    expect(writeInvalidates("AuditEvent", "create", { data: {} })).toBe(false);
    expect(writeInvalidates("Session", "deleteMany", {})).toBe(false);
    expect(writeInvalidates("OAuthGrant", "updateMany", { where: {}, data: { lastUsedAt: new Date() } })).toBe(false);
    expect(writeInvalidates("ProductionToken", "update", { where: {}, data: { lastUsedAt: new Date() } })).toBe(false);
    expect(writeInvalidates("ProductionToken", "update", { data: { lastUsedAt: new Date(), revokedAt: new Date() } })).toBe(true);
  });
});

describe("rawSqlInvalidates", () => {
  it("ignores reads and the writes of the recorder and the retention job", () => {
    expect(rawSqlInvalidates(`SELECT p.*, EXISTS (SELECT 1 FROM "ProjectOwner" o) FROM "OAuthAccessToken" t`)).toBe(false);
    expect(rawSqlInvalidates("SELECT pg_try_advisory_xact_lock($1) AS locked")).toBe(false);
    expect(
      rawSqlInvalidates(`
    INSERT INTO "Execution"
    SELECT row.* FROM jsonb_populate_recordset(NULL::"Execution", $1::jsonb) AS row
    WHERE EXISTS (SELECT 1 FROM "Project" project WHERE project."id" = row."projectId")`),
    ).toBe(false);
    expect(rawSqlInvalidates(`DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "id" FROM "AuditEvent" LIMIT $1)`)).toBe(false);
    expect(rawSqlInvalidates(`DELETE FROM "Session" WHERE "id" IN (SELECT "id" FROM "Session" LIMIT $1)`)).toBe(false);
  });

  it("counts any other write, and anything it cannot read", () => {
    expect(rawSqlInvalidates(`UPDATE "Project" SET "visibility" = 'PUBLIC'`)).toBe(true);
    expect(rawSqlInvalidates(`update public."Membership" set "role" = 'VIEWER'`)).toBe(true);
    expect(rawSqlInvalidates(`WITH gone AS (DELETE FROM "OAuthGrant" RETURNING 1) SELECT count(*) FROM gone`)).toBe(true);
    expect(rawSqlInvalidates(`INSERT INTO "Execution" SELECT 1; DELETE FROM "ProductionToken"`)).toBe(true);
    expect(rawSqlInvalidates(`TRUNCATE "Organization" CASCADE`)).toBe(true);
    expect(rawSqlInvalidates("DELETE FROM users")).toBe(true);
    expect(rawSqlInvalidates(null)).toBe(true);
  });
});

describe("lastUsedDue", () => {
  it("is due once per resolution, counting this process's own writes", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 10_000_000 });
    expect(lastUsedDue("grant", null, 60_000)).toBe(true);
    expect(lastUsedDue("grant", null, 60_000)).toBe(false);
    vi.setSystemTime(10_000_000 + 60_000);
    expect(lastUsedDue("grant", null, 60_000)).toBe(true);
    expect(lastUsedDue("other", new Date(10_000_000 + 30_000), 60_000)).toBe(false);
  });
});
