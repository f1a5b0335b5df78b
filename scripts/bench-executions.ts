// The Executions page's queries at scale, before and after rollups and the per-filter indexes
// (issue 18 §4): BENCH_EXEC_PGLITE_ROWS (100 k) records on a fresh PGlite data directory and
// BENCH_EXEC_POSTGRES_ROWS (1 M) on a scratch PostgreSQL database (atelier_bench_executions on
// BENCH_EXEC_POSTGRES_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres; created and
// dropped here; skipped when the server doesn't answer), all in the stats' default window (the
// last 24 hours), seeded with generate_series: 10 tools, both environments, ~3 % errors of every
// type, log-normal-ish durations.
//
// "Before" is the code as it was: the stats' percentile_cont query over the rows, and the list
// through Prisma's cursor with the old indexes ((projectId, createdAt), (projectId, toolName,
// createdAt)). "After" is the product's code (getExecutionStats, listExecutions) with the
// migration's indexes and the rollups built by its backfill statement, then kept by the triggers
// (the bench also times a recorder-sized 200-row INSERT with and without them). Each figure is
// the median of BENCH_EXEC_REPEAT runs (before: fewer, they are slow), with the load average.
//
//   tsx --conditions=react-server scripts/bench-executions.ts            # both databases
//   tsx --conditions=react-server scripts/bench-executions.ts pglite     # or only one
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const PGLITE_ROWS = Number(process.env.BENCH_EXEC_PGLITE_ROWS ?? 100_000);
const POSTGRES_ROWS = Number(process.env.BENCH_EXEC_POSTGRES_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_EXEC_REPEAT ?? 7);
const REPEAT_BEFORE = Number(process.env.BENCH_EXEC_REPEAT_BEFORE ?? 3);
const ADMIN_URL = process.env.BENCH_EXEC_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SCRATCH_DATABASE = "atelier_bench_executions";
const root = path.resolve(import.meta.dirname, "..");

type Target = "pglite" | "postgres";

// The parent runs one child per database (lib/db reads its target from the environment once).
async function parent() {
  const asked = process.argv[2] as Target | undefined;
  const targets: Target[] = asked ? [asked] : ["pglite", "postgres"];
  for (const target of targets) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BENCH_EXEC_CHILD: target,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "atelier-bench-executions-secret-0123456789",
      ATELIER_ENCRYPTION_KEY: process.env.ATELIER_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
    };
    let cleanup = () => {};
    if (target === "pglite") {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-executions-"));
      env.ATELIER_DATA_DIR = dataDir;
      delete env.DATABASE_URL;
      cleanup = () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      try {
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${SCRATCH_DATABASE}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${SCRATCH_DATABASE}"`);
      } catch (error) {
        console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
        await admin.end().catch(() => {});
        continue;
      }
      await admin.end();
      const url = new URL(ADMIN_URL);
      url.pathname = `/${SCRATCH_DATABASE}`;
      env.DATABASE_URL = url.toString();
      env.ATELIER_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-executions-"));
      cleanup = () => {
        const drop = new pg.Client({ connectionString: ADMIN_URL });
        void drop
          .connect()
          .then(() => drop.query(`DROP DATABASE IF EXISTS "${SCRATCH_DATABASE}" WITH (FORCE)`))
          .finally(() => drop.end());
        rmSync(env.ATELIER_DATA_DIR as string, { recursive: true, force: true });
      };
    }
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename], { env, stdio: "inherit", cwd: root });
    cleanup();
    if (child.status !== 0) process.exitCode = 1;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

async function time(repeat: number, run: () => Promise<unknown>) {
  await run(); // warm: plans, caches
  const runs: number[] = [];
  for (let index = 0; index < repeat; index++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

async function child(target: Target) {
  const rows = target === "pglite" ? PGLITE_ROWS : POSTGRES_ROWS;
  const { applyMigrations } = await import("../lib/database/migrations");
  const { connectDatabase } = await import("../lib/database/adapter");
  const migration = connectDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.ATELIER_DATA_DIR as string });
  await applyMigrations(migration.factory);
  await migration.close();

  const { db, closeDb } = await import("../lib/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const { createUser } = await import("../lib/users/create-user");
  const { createOrganization } = await import("../lib/organizations/organizations");
  const { createProject } = await import("../lib/projects/projects");
  const { getOrganizationAccess, getProjectAccess } = await import("../lib/access");
  const { getExecutionStats, listExecutions } = await import("../lib/executions/executions");
  const { executionListQuerySchema, executionStatsQuerySchema } = await import("../lib/executions/execution-filters");

  const user = await createUser({ name: "Bench Owner", email: "owner@bench.test", password: "correct horse battery" });
  const actor = { id: user.id, userId: user.id, email: user.email, name: user.name };
  const organization = await createOrganization({ actor, input: { slug: "bench", name: "Bench" } });
  const orgAccess = await getOrganizationAccess({ actor, orgSlug: organization.slug, permission: "organization.createProject" });
  const project = await createProject({ access: orgAccess, actor, input: { slug: "bench", name: "Bench" } });
  const access = await getProjectAccess({ actor, orgSlug: organization.slug, projectSlug: project.slug, permission: "project.executions" });

  // The migration's SQL: its index statements and its backfill, applied here as "after".
  const migrations = path.join(root, "prisma/migrations");
  const migrationSql = readFileSync(
    path.join(migrations, readdirSync(migrations).find((name) => name.endsWith("_execution_rollups")) ?? "missing", "migration.sql"),
    "utf8",
  );
  const newIndexes = migrationSql.match(/CREATE INDEX "Execution_[^;]+;/g) ?? [];
  const backfill = migrationSql.slice(migrationSql.indexOf("-- Backfill:"));
  const newIndexNames = newIndexes.map((statement) => /"(Execution_[^"]+)"/.exec(statement)?.[1]);
  const oldIndexes = [
    `CREATE INDEX "Execution_projectId_createdAt_idx" ON "Execution"("projectId", "createdAt")`,
    `CREATE INDEX "Execution_projectId_toolName_createdAt_idx" ON "Execution"("projectId", "toolName", "createdAt")`,
  ];
  const triggers = ["Execution_rollup_insert", "Execution_rollup_delete", "Execution_rollup_update"];
  const setTriggers = async (enabled: boolean) => {
    for (const trigger of triggers)
      await db.$executeRawUnsafe(`ALTER TABLE "Execution" ${enabled ? "ENABLE" : "DISABLE"} TRIGGER "${trigger}"`);
  };

  // "Before": no rollups, no triggers, the old indexes (built after seeding, which is faster).
  for (const name of newIndexNames) await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
  await setTriggers(false);
  const now = new Date();
  const seeded = performance.now();
  const CHUNK = 100_000;
  for (let offset = 0; offset < rows; offset += CHUNK)
    await db.$executeRawUnsafe(seedSql(Math.min(CHUNK, rows - offset), offset), project.organizationId, project.id, now.toISOString());
  for (const statement of oldIndexes) await db.$executeRawUnsafe(statement);
  await db.$executeRawUnsafe(`ANALYZE "Execution"`);
  console.log(
    `\n== ${target}: ${rows.toLocaleString("en")} executions in the last 24 h, seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const window = { from: new Date(now.getTime() - 24 * 60 * 60 * 1000 + 1), to: new Date(now.getTime() + 1000) };
  const filters: Array<[string, Record<string, string>]> = [
    ["no filter", {}],
    ["tool (1 % of calls)", { tool: "tool_9" }],
    ["tool (40 %)", { tool: "tool_0" }],
    ["environment=production", { environment: "production" }],
    ["status=error", { status: "error" }],
    ["errorType=timeout", { errorType: "timeout" }],
    ["errorType=auth", { errorType: "auth" }],
    ["tool + status=error", { tool: "tool_9", status: "error" }],
    ["status=error, page 20", { status: "error", page: "20" }],
    ["no filter, page 200", { page: "200" }],
  ];
  const listQuery = (filter: Record<string, string>) => {
    const { page: _page, ...rest } = filter;
    return executionListQuerySchema.parse({ ...rest, from: window.from.toISOString(), to: window.to.toISOString() });
  };
  // The cursor of page n (the same for both: the ids are the same rows).
  const cursors = new Map<string, string | undefined>();
  for (const [name, filter] of filters) {
    if (!filter.page) continue;
    const query = listQuery(filter);
    const conditions = listConditions(Prisma, project.id, query);
    const found = await db.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Execution" WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY "createdAt" DESC, "id" DESC OFFSET ${(Number(filter.page) - 1) * query.limit - 1} LIMIT 1`;
    cursors.set(name, found[0]?.id);
  }

  const statsQuery = executionStatsQuerySchema.parse({ from: window.from.toISOString(), to: window.to.toISOString() });
  const oldStats = () => oldStatsQuery(db, Prisma, project.id, window.from, window.to);
  const oldList = (name: string, filter: Record<string, string>) => {
    const query = listQuery(filter);
    const cursor = cursors.get(name);
    return db.execution.findMany({
      where: oldWhere(project.id, query),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, createdAt: true, toolName: true, environment: true, status: true, errorType: true, durationMs: true },
    });
  };
  const newList = (name: string, filter: Record<string, string>) => {
    const cursor = cursors.get(name);
    return listExecutions({ access, query: { ...listQuery(filter), ...(cursor ? { cursor } : {}) } });
  };
  // A recorder batch: 200 calls of the last 200 ms.
  let batches = 0;
  const insertBatch = async () => {
    batches++;
    await db.$executeRawUnsafe(seedSql(200, rows + batches * 200, 200), project.organizationId, project.id, new Date().toISOString());
  };

  // What the MCP bench's load makes: ~26 calls of one tool per 200 ms flush (130 calls/s).
  const insertSmallBatch = async () => {
    batches++;
    await db.$executeRawUnsafe(seedSql(26, rows + batches * 200, 200, true), project.organizationId, project.id, new Date().toISOString());
  };

  const before = new Map<string, number>();
  console.log(`load average ${load()} (before)`);
  before.set("stats (24 h, all tools)", await time(REPEAT_BEFORE, oldStats));
  for (const [name, filter] of filters) before.set(`list: ${name}`, await time(REPEAT_BEFORE, () => oldList(name, filter)));
  before.set("INSERT of 200 rows (a recorder batch)", await time(REPEAT, insertBatch));
  before.set("INSERT of 26 rows of one tool", await time(REPEAT, insertSmallBatch));

  // "After": the migration's indexes and its backfill, then the triggers on.
  for (const statement of oldIndexes) await db.$executeRawUnsafe(`DROP INDEX "${/"([^"]+)"/.exec(statement)?.[1]}"`);
  let started = performance.now();
  for (const statement of newIndexes) await db.$executeRawUnsafe(statement);
  const indexSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await db.$executeRawUnsafe(backfill);
  const backfillSeconds = (performance.now() - started) / 1000;
  await setTriggers(true);
  await db.$executeRawUnsafe(`ANALYZE "Execution"`);
  await db.$executeRawUnsafe(`ANALYZE "ExecutionRollup"`);
  const rollups = await db.executionRollup.count();
  console.log(
    `indexes built in ${indexSeconds.toFixed(1)} s; rollups backfilled in ${backfillSeconds.toFixed(1)} s (${rollups.toLocaleString("en")} rollup rows)`,
  );
  console.log(`load average ${load()} (after)`);

  const after = new Map<string, number>();
  const newStats = () => getExecutionStats({ access, query: statsQuery, now: window.to });
  after.set("stats (24 h, all tools)", await time(REPEAT, newStats));
  for (const [name, filter] of filters) after.set(`list: ${name}`, await time(REPEAT, () => newList(name, filter)));
  after.set("INSERT of 200 rows (a recorder batch)", await time(REPEAT, insertBatch));
  after.set("INSERT of 26 rows of one tool", await time(REPEAT, insertSmallBatch));
  // Interleaved, to separate the code from the moment: old and new stats, A B A B.
  const interleaved = { old: [] as number[], new: [] as number[] };
  for (let index = 0; index < REPEAT_BEFORE; index++) {
    for (const [key, run] of [
      ["old", oldStats],
      ["new", newStats],
    ] as const) {
      const t = performance.now();
      await run();
      interleaved[key].push(performance.now() - t);
    }
  }

  const check = await newStats();
  const raw = (await oldStats())[0];
  console.log(
    `check: rollup stats ${check.total.calls} calls, ${check.total.errors} errors, p50 ${check.total.p50Ms} ms, p95 ${check.total.p95Ms} ms; raw rows: ${raw.calls} calls, ${raw.errors} errors, p50 ${raw.p50} ms, p95 ${raw.p95} ms`,
  );
  console.log(`\n${target} (${rows.toLocaleString("en")} rows)`.padEnd(48) + "before ms".padStart(11) + "after ms".padStart(11));
  for (const [name, ms] of before)
    console.log(`  ${name}`.padEnd(48) + ms.toFixed(1).padStart(11) + (after.get(name) ?? Number.NaN).toFixed(1).padStart(11));
  console.log(
    `  stats, interleaved old/new`.padEnd(48) +
      median(interleaved.old).toFixed(1).padStart(11) +
      median(interleaved.new).toFixed(1).padStart(11),
  );
  console.log(`load average ${load()} (end)`);
  await closeDb();
}

// The old stats query (before rollups), verbatim but for the scope filters.
async function oldStatsQuery(
  db: typeof import("../lib/db").db,
  Prisma: typeof import("../lib/generated/prisma/client").Prisma,
  projectId: string,
  from: Date,
  to: Date,
) {
  const ran = Prisma.sql`FILTER (WHERE "errorType" IS NULL OR "errorType" NOT IN ('rate_limited', 'auth'))`;
  const rows = await db.$queryRaw<
    Array<{ toolName: string | null; calls: number; errors: number; p50: number; p95: number; isTotal: number }>
  >`
    SELECT "toolName", GROUPING("toolName") AS "isTotal", COUNT(*)::int AS "calls",
           (COUNT(*) FILTER (WHERE "status" = 'ERROR'))::int AS "errors",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p50",
           (percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p95"
    FROM "Execution"
    WHERE "projectId" = ${projectId} AND "createdAt" >= CAST(${from.toISOString()} AS timestamp(3))
      AND "createdAt" < CAST(${to.toISOString()} AS timestamp(3))
    GROUP BY GROUPING SETS (("toolName"), ())`;
  return rows.filter((row) => row.isTotal !== 0);
}

type ListQuery = { tool?: string; environment?: string; status?: string; errorType?: string; from?: Date; to?: Date };

function oldWhere(projectId: string, query: ListQuery) {
  return {
    projectId,
    ...(query.tool ? { toolName: query.tool } : {}),
    ...(query.environment ? { environment: query.environment.toUpperCase() as "DRAFT" | "PRODUCTION" } : {}),
    ...(query.status ? { status: query.status.toUpperCase() as "SUCCESS" | "ERROR" } : {}),
    ...(query.errorType ? { errorType: query.errorType } : {}),
    createdAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) },
  };
}

function listConditions(Prisma: typeof import("../lib/generated/prisma/client").Prisma, projectId: string, query: ListQuery) {
  const conditions = [Prisma.sql`"projectId" = ${projectId}`];
  if (query.tool) conditions.push(Prisma.sql`"toolName" = ${query.tool}`);
  if (query.environment) conditions.push(Prisma.sql`"environment" = CAST(${query.environment.toUpperCase()} AS "Environment")`);
  if (query.status) conditions.push(Prisma.sql`"status" = CAST(${query.status.toUpperCase()} AS "ExecutionStatus")`);
  if (query.errorType) conditions.push(Prisma.sql`"errorType" = ${query.errorType}`);
  if (query.from) conditions.push(Prisma.sql`"createdAt" >= CAST(${query.from.toISOString()} AS timestamp(3))`);
  if (query.to) conditions.push(Prisma.sql`"createdAt" < CAST(${query.to.toISOString()} AS timestamp(3))`);
  return conditions;
}

/**
 * `count` executions spread over the `spreadMs` (24 hours) before $3 (UTC), for organization $1 / project $2.
 * tool_0 gets ~40 % of the calls, tool_9 ~1 %; 20 % production; errors: runtime 1.5 %, validation
 * 0.5 %, rate_limited 0.5 %, timeout 0.3 %, auth 0.2 %; durations mostly 5…200 ms with a long tail.
 */
function seedSql(count: number, offset: number, spreadMs = 86_400_000, oneTool = false) {
  return `
    INSERT INTO "Execution" ("id", "organizationId", "projectId", "toolName", "environment", "packageVersion", "status", "errorType",
      "errorCode", "durationMs", "inputSha256", "outputSha256", "input", "output", "logs", "clientName", "clientVersion",
      "callerKind", "callerId", "callerLabel", "ip", "createdAt")
    SELECT 'bench_' || (i + ${offset}), $1, $2,
      ${oneTool ? "'tool_0'" : "CASE WHEN r < 400 THEN 'tool_0' WHEN r < 990 THEN 'tool_' || (1 + r % 8) ELSE 'tool_9' END"},
      CAST(CASE WHEN (h / 1000) % 5 = 0 THEN 'PRODUCTION' ELSE 'DRAFT' END AS "Environment"),
      CASE WHEN (h / 1000) % 5 = 0 THEN '1.0.0' END,
      CAST(CASE WHEN e < 30 THEN 'ERROR' ELSE 'SUCCESS' END AS "ExecutionStatus"),
      CASE WHEN e < 15 THEN 'runtime' WHEN e < 20 THEN 'validation' WHEN e < 25 THEN 'rate_limited' WHEN e < 28 THEN 'timeout' WHEN e < 30 THEN 'auth' END,
      CASE WHEN e < 15 THEN 'handler_threw' WHEN e < 30 THEN 'refused' END,
      CASE WHEN e >= 25 AND e < 28 THEN 5000 ELSE (5 + (h % 60) * (1 + (h / 60) % 4) * (CASE WHEN h % 97 = 0 THEN 40 ELSE 1 END)) END,
      md5(i::text) || md5(i::text), md5((i + 1)::text) || md5((i + 1)::text),
      jsonb_build_object('city', 'Lisbon', 'n', i), jsonb_build_object('ok', true), '[]'::jsonb,
      'claude-ai', '1.0.0', 'draft_token', NULL, 'Draft token', '203.0.113.7',
      CAST($3 AS timestamp(3)) - make_interval(secs => (h % ${spreadMs}) / 1000.0)
    FROM (
      SELECT i, h, h % 1000 AS r, (h / 7) % 1000 AS e
      FROM (SELECT i, hashint4(i + ${offset}) & 2147483647 AS h FROM generate_series(1, ${count}) AS i) AS hashed
    ) AS source`;
}

if (process.env.BENCH_EXEC_CHILD) {
  await child(process.env.BENCH_EXEC_CHILD as Target);
} else {
  await parent();
}
