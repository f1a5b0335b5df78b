// The Executions stats come from rollups (ExecutionRollup, maintained by triggers on "Execution")
// and the list from per-filter indexes with keyset pagination. Each is checked against the raw
// rows, through the real routes: stats equal the percentile_cont computation over the rows
// (calls, errors, averages exactly; percentiles within LATENCY_RELATIVE_PRECISION) after several
// batches, concurrent batches, updates, retention, the migration's backfill, and for windows whose
// edges fall anywhere; every list filter returns exactly the rows the raw query would, in order,
// across pages.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as executionsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/route";
import * as statsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/stats/route";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import type { ExecutionStats } from "@/lib/executions/executions";
import { LATENCY_RELATIVE_PRECISION, LATENCY_SLOT_LOWER_BOUNDS, latencySlot } from "@/lib/executions/latency-histogram";
import type { ExecutionSummary } from "@/lib/executions/present-execution";
import type { Jsonify, Page } from "@/lib/hooks/api-types";
import { applyRetention } from "@/lib/jobs/retention";
import { Prisma } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/projects";
import { asSession, call, createOrgWithMembers, type OrgFixture, uniqueSlug } from "./helpers";

type Stats = Jsonify<ExecutionStats>;
type Figures = Stats["total"];
type ProjectRef = { id: string; organizationId: string; slug: string; orgSlug: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Far in the past, away from other files' rows (retention here reaches only rows older than 2004-02).
const START = Date.parse("2004-03-01T22:13:07.123Z");

let fixture: OrgFixture;
const owner = () => asSession(fixture.users.owner);

beforeAll(async () => {
  fixture = await createOrgWithMembers();
});

afterAll(async () => {
  await db.execution.deleteMany({ where: { organizationId: fixture.organization.id } });
});

async function newProject(): Promise<ProjectRef> {
  const { owner } = fixture.users;
  const access = await getOrganizationAccess({
    actor: owner,
    orgSlug: fixture.organization.slug,
    permission: "organization.createProject",
  });
  const project = await createProject({ access, actor: owner, input: { slug: uniqueSlug("roll"), name: "Rollups" } });
  return { id: project.id, organizationId: project.organizationId, slug: project.slug, orgSlug: fixture.organization.slug };
}

/**
 * One INSERT of `count` pseudo-random rows (a batch, like the recorder's) spread over
 * [startMs, startMs + spanMs): three tools, two environments, every outcome, durations from 0 ms
 * to ~20 s. `truncateTo` (ms) rounds times down, so that many rows share a createdAt.
 */
async function seed(project: ProjectRef, options: { count: number; startMs: number; spanMs: number; seed: number; truncateTo?: number }) {
  const prefix = `r${options.seed}_${Math.random().toString(36).slice(2, 8)}_`;
  const truncate = options.truncateTo ?? 1;
  await db.$executeRaw`
    INSERT INTO "Execution" ("id", "organizationId", "projectId", "toolName", "environment", "status", "errorType", "durationMs",
                             "inputSha256", "callerKind", "callerLabel", "createdAt")
    SELECT ${prefix} || i, ${project.organizationId}, ${project.id},
           (ARRAY['alpha', 'beta', 'gamma'])[1 + h % 3],
           CAST(CASE WHEN h % 5 = 0 THEN 'PRODUCTION' ELSE 'DRAFT' END AS "Environment"),
           CAST(CASE WHEN h % 11 < 3 THEN 'ERROR' ELSE 'SUCCESS' END AS "ExecutionStatus"),
           CASE h % 11 WHEN 0 THEN 'runtime' WHEN 1 THEN (ARRAY['timeout', 'rate_limited', 'auth', 'validation'])[1 + (h / 11) % 4] END,
           CASE WHEN h % 4 = 0 THEN h % 16 ELSE (h % 1000) * (1 + (h / 1000) % 20) END,
           'x', 'draft_token', 'Draft token',
           CAST(${new Date(options.startMs).toISOString()} AS timestamp(3))
             + make_interval(secs => (((h / 7) % ${Math.floor(options.spanMs / truncate)}) * ${truncate}) / 1000.0)
    FROM (SELECT i, hashint4(i * 7919 + ${options.seed}) & 2147483647 AS h FROM generate_series(1, ${options.count}) AS i) AS source`;
}

type RawFigures = {
  toolName: string | null;
  calls: number;
  errors: number;
  ran: number;
  durationSum: number;
  p50: number | null;
  p95: number | null;
};

/** The stats as they were computed before rollups: percentile_cont over the window's rows. */
async function rawStats(project: ProjectRef, range: { from: Date; to: Date; tool?: string; environment?: "DRAFT" | "PRODUCTION" }) {
  const conditions = [
    Prisma.sql`"projectId" = ${project.id}`,
    Prisma.sql`"createdAt" >= CAST(${range.from.toISOString()} AS timestamp(3))`,
    Prisma.sql`"createdAt" < CAST(${range.to.toISOString()} AS timestamp(3))`,
  ];
  if (range.tool) conditions.push(Prisma.sql`"toolName" = ${range.tool}`);
  if (range.environment) conditions.push(Prisma.sql`"environment" = CAST(${range.environment} AS "Environment")`);
  const ran = Prisma.sql`FILTER (WHERE "errorType" IS NULL OR "errorType" NOT IN ('rate_limited', 'auth'))`;
  return db.$queryRaw<RawFigures[]>`
    SELECT CASE WHEN GROUPING("toolName") = 1 THEN NULL ELSE "toolName" END AS "toolName",
           COUNT(*)::int AS "calls", (COUNT(*) FILTER (WHERE "status" = 'ERROR'))::int AS "errors",
           (COUNT(*) ${ran})::int AS "ran", COALESCE(SUM("durationMs") ${ran}, 0)::float8 AS "durationSum",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p50",
           (percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p95"
    FROM "Execution" WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY GROUPING SETS (("toolName"), ())`;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function expectFigures(actual: Figures | undefined, raw: RawFigures, label: string) {
  expect(actual, label).toBeDefined();
  const figures = actual as Figures;
  expect({ calls: figures.calls, errors: figures.errors, avgMs: figures.avgMs }, label).toEqual({
    calls: raw.calls,
    errors: raw.errors,
    avgMs: raw.ran === 0 ? null : round2(raw.durationSum / raw.ran),
  });
  for (const [key, exact] of [
    ["p50Ms", raw.p50],
    ["p95Ms", raw.p95],
  ] as const) {
    if (exact === null) {
      expect(figures[key], `${label} ${key}`).toBeNull();
      continue;
    }
    // The histogram's precision, plus the API's rounding to 0.01 ms.
    expect(Math.abs((figures[key] ?? Number.NaN) - exact), `${label} ${key}: ${figures[key]} vs ${exact}`).toBeLessThanOrEqual(
      exact * LATENCY_RELATIVE_PRECISION + 0.006,
    );
  }
}

async function stats(project: ProjectRef, range: { from: Date; to: Date; tool?: string; environment?: "draft" | "production" }) {
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() });
  if (range.tool) query.set("tool", range.tool);
  if (range.environment) query.set("environment", range.environment);
  const response = await call<Stats>(statsRoute.GET, {
    path: `/app/v1/organizations/${project.orgSlug}/projects/${project.slug}/executions/stats?${query}`,
    params: { org: project.orgSlug, project: project.slug },
    headers: await owner(),
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** The stats route's figures equal the raw computation, per tool and overall. */
async function expectStatsMatchRaw(
  project: ProjectRef,
  range: { from: Date; to: Date; tool?: string; environment?: "draft" | "production" },
) {
  const label = `${range.from.toISOString()} → ${range.to.toISOString()}${range.tool ? ` tool=${range.tool}` : ""}${range.environment ? ` env=${range.environment}` : ""}`;
  const [body, raw] = await Promise.all([
    stats(project, range),
    rawStats(project, {
      ...range,
      environment: range.environment ? (range.environment.toUpperCase() as "DRAFT" | "PRODUCTION") : undefined,
    }),
  ]);
  const rawTools = raw.filter((row) => row.toolName !== null);
  expect(body.tools.map((tool) => tool.toolName).sort(), label).toEqual(rawTools.map((row) => row.toolName).sort());
  for (const row of rawTools)
    expectFigures(
      body.tools.find((tool) => tool.toolName === row.toolName),
      row,
      `${label} ${row.toolName}`,
    );
  const total = raw.find((row) => row.toolName === null) ?? {
    toolName: null,
    calls: 0,
    errors: 0,
    ran: 0,
    durationSum: 0,
    p50: null,
    p95: null,
  };
  expectFigures(body.total, total, `${label} total`);
  return body;
}

/** Deterministic pseudo-random windows over [low, high): edges anywhere, lengths from seconds to days. */
function windows(low: number, high: number, count: number) {
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const lengths = [20_000, 7 * MINUTE + 1234, 3 * HOUR + 17 * MINUTE + 555, 26 * HOUR + 42_321, 2.5 * DAY];
  return Array.from({ length: count }, (_, index) => {
    const length = lengths[index % lengths.length];
    const from = Math.floor(low + random() * Math.max(1, high - low - length));
    return { from: new Date(from), to: new Date(from + length) };
  });
}

describe("latency slots", () => {
  it("the database bins every duration like latency-histogram.ts", async () => {
    const probes = [
      ...Array.from({ length: 5000 }, (_, ms) => ms),
      ...LATENCY_SLOT_LOWER_BOUNDS.flatMap((bound) => [bound - 1, bound, bound + 1]),
      -5,
      2_000_000,
      2_147_483_647,
    ];
    const rows = await db.$queryRaw<Array<{ ms: number; slot: number }>>`
      SELECT ms, execution_latency_slot(ms) AS slot FROM unnest(CAST(${probes} AS integer[])) AS ms`;
    expect(rows.filter((row) => row.slot !== latencySlot(row.ms))).toEqual([]);
  });
});

describe("rollup stats equal the raw rows", () => {
  let project: ProjectRef;
  const low = START - HOUR;
  const high = START + 3 * DAY + HOUR;

  beforeAll(async () => {
    project = await newProject();
    // Several batches: sparse over three days, and a dense cluster of a few minutes.
    for (let batch = 0; batch < 4; batch++) await seed(project, { count: 500, startMs: START, spanMs: 3 * DAY, seed: batch });
    await seed(project, { count: 600, startMs: START + DAY + 7 * MINUTE + 321, spanMs: 4 * MINUTE, seed: 10 });
  });

  it("over the whole range, and per tool and environment", async () => {
    const all = await expectStatsMatchRaw(project, { from: new Date(low), to: new Date(high) });
    expect(all.total.calls).toBe(2600);
    await expectStatsMatchRaw(project, { from: new Date(low), to: new Date(high), tool: "beta" });
    await expectStatsMatchRaw(project, { from: new Date(low), to: new Date(high), environment: "production" });
  });

  it("for windows whose edges fall anywhere: inside minutes, on bucket boundaries, in the dense cluster", async () => {
    const cluster = START + DAY + 7 * MINUTE;
    const ranges = [
      ...windows(low, high, 15),
      // Edges inside the dense cluster, sub-minute and longer.
      { from: new Date(cluster + 30_500), to: new Date(cluster + 50_250) },
      { from: new Date(cluster + 61_001), to: new Date(cluster + 3 * MINUTE + 59_999) },
      { from: new Date(cluster - 2 * HOUR + 1), to: new Date(cluster + 2 * MINUTE + 1) },
      // Aligned on minutes, hours and days.
      { from: new Date(Date.parse("2004-03-02T00:00:00Z")), to: new Date(Date.parse("2004-03-04T00:00:00Z")) },
      { from: new Date(Date.parse("2004-03-02T05:00:00Z")), to: new Date(Date.parse("2004-03-02T05:01:00Z")) },
    ];
    for (const range of ranges) await expectStatsMatchRaw(project, range);
    await expectStatsMatchRaw(project, { ...ranges[15], tool: "gamma", environment: "draft" });
  });

  it("after more batches, some written concurrently into the same buckets", async () => {
    await Promise.all(
      [20, 21, 22, 23, 24, 25].map((seedValue) =>
        seed(project, { count: 300, startMs: START + 2 * DAY, spanMs: 20 * MINUTE, seed: seedValue }),
      ),
    );
    const all = await expectStatsMatchRaw(project, { from: new Date(low), to: new Date(high) });
    expect(all.total.calls).toBe(2600 + 1800);
    for (const range of windows(START + 2 * DAY - MINUTE, START + 2 * DAY + 21 * MINUTE, 5)) await expectStatsMatchRaw(project, range);
  });

  it("after rows change and are deleted", async () => {
    await db.execution.updateMany({ where: { projectId: project.id, toolName: "alpha" }, data: { durationMs: { increment: 7 } } });
    const gone = await db.execution.findMany({ where: { projectId: project.id, toolName: "beta" }, select: { id: true }, take: 150 });
    await db.execution.deleteMany({ where: { id: { in: gone.map((row) => row.id) } } });
    await expectStatsMatchRaw(project, { from: new Date(low), to: new Date(high) });
    for (const range of windows(low, high, 5)) await expectStatsMatchRaw(project, range);
  });
});

describe("sums past 2^31", () => {
  it("a tool's calls, errors and latency slot add up beyond the int range", async () => {
    const project = await newProject();
    const big = 2_000_000_000;
    const day = Date.parse("2004-03-20T00:00:00.000Z");
    // Two daily rollups (each within int range), summed over a window of both days.
    for (const bucketStart of [day, day + DAY]) {
      await db.executionRollup.create({
        data: {
          projectId: project.id,
          bucketSeconds: 86_400,
          bucketStart: new Date(bucketStart),
          toolName: "alpha",
          environment: "PRODUCTION",
          calls: big,
          errors: big / 2,
          ran: big,
          durationSumMs: BigInt(big) * 5n,
          histogram: [0, 0, 0, big],
        },
      });
    }
    const body = await stats(project, { from: new Date(day), to: new Date(day + 2 * DAY) });
    expect(body.tools.map((tool) => [tool.toolName, tool.calls, tool.errors, tool.avgMs])).toEqual([["alpha", 2 * big, big, 5]]);
    expect({ calls: body.total.calls, errors: body.total.errors, avgMs: body.total.avgMs }).toEqual({
      calls: 2 * big,
      errors: big,
      avgMs: 5,
    });
    expect(body.total.p50Ms).not.toBeNull();
  });
});

describe("the migration's backfill", () => {
  it("builds the rollups of records written before it, equal to the raw rows", async () => {
    const project = await newProject();
    await seed(project, { count: 700, startMs: START, spanMs: 2 * DAY, seed: 60 });
    // As if these records predated the migration: no rollups, then the migration's own backfill
    // statement, restricted to this project's rows (the database is shared with other files).
    await db.executionRollup.deleteMany({ where: { projectId: project.id } });
    expect((await stats(project, { from: new Date(START), to: new Date(START + 2 * DAY) })).total.calls).toBeLessThan(700);
    const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
    const directory = readdirSync(migrations).find((name) => name.endsWith("_execution_rollups")) ?? "missing";
    const sql = readFileSync(path.join(migrations, directory, "migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("-- Backfill:"));
    expect(backfill).toContain('FROM "Execution" AS e');
    await db.$executeRawUnsafe(
      backfill.replace('FROM "Execution" AS e', 'FROM (SELECT * FROM "Execution" WHERE "projectId" = $1) AS e'),
      project.id,
    );
    await expectStatsMatchRaw(project, { from: new Date(START - HOUR), to: new Date(START + 2 * DAY + HOUR) });
    for (const range of windows(START, START + 2 * DAY, 5)) await expectStatsMatchRaw(project, range);
  });
});

describe("the rebuild migration", () => {
  it("repairs rollups that drifted from the rows (as a backfill counting rows a trigger already counted would)", async () => {
    const project = await newProject();
    await seed(project, { count: 300, startMs: START, spanMs: DAY, seed: 61 });
    const range = { from: new Date(START - HOUR), to: new Date(START + DAY + HOUR) };
    await db.$executeRawUnsafe(
      'UPDATE "ExecutionRollup" SET "calls" = "calls" + 2, "errors" = "errors" + 1 WHERE "projectId" = $1',
      project.id,
    );
    expect((await stats(project, range)).total.calls).toBeGreaterThan(300);
    const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
    const directory = readdirSync(migrations).find((name) => name.endsWith("_execution_rollups_rebuild")) ?? "missing";
    // The whole migration, as it runs: one statement (the database is shared with other files,
    // whose rollups it rebuilds to the same values).
    await db.$executeRawUnsafe(readFileSync(path.join(migrations, directory, "migration.sql"), "utf8"));
    expect((await stats(project, range)).total.calls).toBe(300);
    await expectStatsMatchRaw(project, range);
    for (const window of windows(START, START + DAY, 4)) await expectStatsMatchRaw(project, window);
  });
});

describe("retention", () => {
  it("prunes the rollups with the rows: stats still equal the raw rows on both sides of the cutoff", async () => {
    const project = await newProject();
    await seed(project, { count: 800, startMs: START - 2 * DAY, spanMs: 3 * DAY, seed: 30 });
    // The cutoff (30 days before `now`) falls in the middle of a minute, an hour and a day.
    const cutoff = START - DAY + 5 * HOUR + 17 * MINUTE + 23_456;
    const now = new Date(cutoff + 30 * DAY);
    const before = await db.execution.count({ where: { projectId: project.id, createdAt: { lt: new Date(cutoff) } } });
    expect(before).toBeGreaterThan(100);

    const result = await applyRetention({ policy: { executionDays: 30, auditDays: 0 }, now, batchSize: 97 });
    expect(result.executions).toBeGreaterThanOrEqual(before);
    expect(await db.execution.count({ where: { projectId: project.id, createdAt: { lt: new Date(cutoff) } } })).toBe(0);

    // No rollup is left for a bucket that ended before the cutoff.
    const stale = await db.$queryRaw<Array<{ count: number }>>`
      SELECT COUNT(*)::int AS count FROM "ExecutionRollup"
      WHERE "projectId" = ${project.id} AND "bucketStart" + make_interval(secs => "bucketSeconds") <= CAST(${new Date(cutoff).toISOString()} AS timestamp(3))`;
    expect(stale[0].count).toBe(0);
    expect(await db.executionRollup.count({ where: { projectId: project.id, calls: { lte: 0 } } })).toBe(0);

    await expectStatsMatchRaw(project, { from: new Date(START - 3 * DAY), to: new Date(START + 2 * DAY) });
    await expectStatsMatchRaw(project, { from: new Date(cutoff - 3 * HOUR - 1), to: new Date(cutoff + 2 * HOUR + 1) });
    await expectStatsMatchRaw(project, { from: new Date(cutoff - 30_000), to: new Date(cutoff + 30_000) });
  });

  it("a project's deletion takes its rollups with it", async () => {
    const project = await newProject();
    await seed(project, { count: 50, startMs: START, spanMs: HOUR, seed: 40 });
    expect(await db.executionRollup.count({ where: { projectId: project.id } })).toBeGreaterThan(0);
    await db.project.delete({ where: { id: project.id } });
    expect(await db.executionRollup.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("every list filter returns exactly the raw query's rows, page after page", () => {
  let project: ProjectRef;

  beforeAll(async () => {
    project = await newProject();
    // Times rounded to whole seconds: many rows share a createdAt, so ties are ordered by id.
    await seed(project, { count: 300, startMs: START, spanMs: 20 * MINUTE, seed: 50, truncateTo: 1000 });
    await seed(project, { count: 100, startMs: START, spanMs: 20 * MINUTE, seed: 51, truncateTo: 60_000 });
  });

  async function listAll(query: Record<string, string>) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const params: URLSearchParams = new URLSearchParams({ ...query, limit: "23", ...(cursor ? { cursor } : {}) });
      const response: { status: number; body: Page<Jsonify<ExecutionSummary>> } = await call(executionsRoute.GET, {
        path: `/app/v1/organizations/${project.orgSlug}/projects/${project.slug}/executions?${params}`,
        params: { org: project.orgSlug, project: project.slug },
        headers: await owner(),
      });
      expect(response.status).toBe(200);
      ids.push(...response.body.data.map((row) => row.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    return ids;
  }

  const window = { from: new Date(START + 3 * MINUTE + 500).toISOString(), to: new Date(START + 11 * MINUTE).toISOString() };
  const filters: Array<Record<string, string>> = [
    {},
    { tool: "alpha" },
    { environment: "production" },
    { status: "error" },
    { status: "success" },
    { errorType: "runtime" },
    { errorType: "timeout" },
    { errorType: "rate_limited" },
    { errorType: "auth" },
    { errorType: "validation" },
    { tool: "beta", status: "error" },
    { environment: "draft", errorType: "runtime", tool: "gamma" },
    window,
    { ...window, status: "error" },
    { ...window, tool: "alpha", environment: "draft" },
    { tool: "nope" },
  ];

  it.each(filters.map((filter) => [JSON.stringify(filter), filter]))("%s", async (_, filter) => {
    const conditions = [Prisma.sql`"projectId" = ${project.id}`];
    if (filter.tool) conditions.push(Prisma.sql`"toolName" = ${filter.tool}`);
    if (filter.environment) conditions.push(Prisma.sql`"environment" = CAST(${filter.environment.toUpperCase()} AS "Environment")`);
    if (filter.status) conditions.push(Prisma.sql`"status" = CAST(${filter.status.toUpperCase()} AS "ExecutionStatus")`);
    if (filter.errorType) conditions.push(Prisma.sql`"errorType" = ${filter.errorType}`);
    if (filter.from) conditions.push(Prisma.sql`"createdAt" >= CAST(${filter.from} AS timestamp(3))`);
    if (filter.to) conditions.push(Prisma.sql`"createdAt" < CAST(${filter.to} AS timestamp(3))`);
    const raw = await db.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Execution" WHERE ${Prisma.join(conditions, " AND ")} ORDER BY "createdAt" DESC, "id" DESC`;
    const listed = await listAll(filter);
    expect(listed).toEqual(raw.map((row) => row.id));
    if (filter.tool !== "nope") expect(listed.length).toBeGreaterThan(0);
  });
});
