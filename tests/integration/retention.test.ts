// Retention (lib/jobs/retention.ts): execution records and audit events past their age are deleted
// in batches, newer ones and other kinds are kept, and with several instances only one works at a
// time (a PostgreSQL advisory lock held elsewhere makes this instance skip its turn).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { applyRetention } from "@/lib/jobs/retention";
import { advisoryLockKey } from "@/lib/jobs/run-exclusively";
import { createProject } from "@/lib/projects/projects";
import { createExecution } from "./execution-fixtures";
import { createOrgWithMembers, type OrgFixture, uniqueSlug } from "./helpers";

// A clock far in the past, so the cutoffs only reach the rows this file writes (the database is
// shared by every integration file).
const NOW = new Date("2003-01-01T00:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const policy = { executionDays: 30, auditDays: 365 };

let fixture: OrgFixture;
let project: { id: string; organizationId: string };

async function auditEventAt(createdAt: Date, action: string) {
  return db.auditEvent.create({
    data: { organizationId: fixture.organization.id, actorLabel: "test", action, targetType: "project", targetLabel: "x", createdAt },
  });
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const access = await getOrganizationAccess({
    actor: fixture.users.owner,
    orgSlug: fixture.organization.slug,
    permission: "organization.createProject",
  });
  project = await createProject({ access, actor: fixture.users.owner, input: { slug: uniqueSlug("ret"), name: "Retention" } });
});

afterAll(async () => {
  await db.execution.deleteMany({ where: { projectId: project.id } });
});

describe("retention", () => {
  it("deletes executions and audit events past their age in batches, and keeps the rest", async () => {
    const old = await Promise.all([31, 40, 50, 60, 400].map((days) => createExecution(project, { createdAt: daysBefore(days) })));
    const recent = await Promise.all([1, 29].map((days) => createExecution(project, { createdAt: daysBefore(days) })));
    const oldAudit = await auditEventAt(daysBefore(366), "retention.old");
    const recentAudit = await auditEventAt(daysBefore(100), "retention.recent");

    const result = await applyRetention({ policy, now: NOW, batchSize: 2 });

    expect(result).toMatchObject({ executions: old.length, auditEvents: 1, skipped: false });
    const left = await db.execution.findMany({ where: { projectId: project.id }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual(recent.map((row) => row.id).sort());
    expect(await db.auditEvent.findUnique({ where: { id: oldAudit.id } })).toBeNull();
    expect(await db.auditEvent.findUnique({ where: { id: recentAudit.id } })).not.toBeNull();
  });

  it("keeps everything of a kind whose retention is 0 (forever)", async () => {
    const ancient = await createExecution(project, { createdAt: daysBefore(5_000) });
    const result = await applyRetention({ policy: { executionDays: 0, auditDays: 0 }, now: NOW });
    expect(result).toMatchObject({ executions: 0, auditEvents: 0, skipped: false });
    expect(await db.execution.findUnique({ where: { id: ancient.id } })).not.toBeNull();
    await db.execution.delete({ where: { id: ancient.id } });
  });

  it("deletes studio sessions past their expiry and keeps live ones", async () => {
    const userId = fixture.users.owner.id;
    const expired = await db.session.create({ data: { userId, expiresAt: new Date(NOW.getTime() - 1_000) } });
    const live = await db.session.create({ data: { userId, expiresAt: new Date(NOW.getTime() + 60_000) } });
    const result = await applyRetention({ policy, now: NOW });
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
    await db.session.delete({ where: { id: live.id } });
  });

  // PGlite is owned by one process, so there is no other instance to exclude.
  it.skipIf(!env().DATABASE_URL)("skips its turn while another instance holds the job's lock, and runs once it is released", async () => {
    const stale = await createExecution(project, { createdAt: daysBefore(90) });
    const other = new pg.Client({ connectionString: env().DATABASE_URL });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [advisoryLockKey("retention").toString()]);
      expect(await applyRetention({ policy, now: NOW })).toMatchObject({ executions: 0, auditEvents: 0, skipped: true });
      expect(await db.execution.findUnique({ where: { id: stale.id } })).not.toBeNull();

      await other.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey("retention").toString()]);
      expect(await applyRetention({ policy, now: NOW })).toMatchObject({ executions: 1, skipped: false });
      expect(await db.execution.findUnique({ where: { id: stale.id } })).toBeNull();
    } finally {
      await other.end();
    }
  });
});
