// Reading tool-execution records (SPEC §9): a project's calls newest first with filters, one
// call, and per-tool figures. Rows are written by the recorder (lib/executions/recorder.ts);
// everything here is scoped by the project of the caller's ProjectAccess, so an id of another
// project — or of another organization — is a 404.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { toPage } from "@/lib/validation/common";
import {
  executionSummarySelect,
  presentExecution,
  presentExecutionSummary,
  presentToolStats,
  type ExecutionStatsRow,
} from "./present-execution";
import { DEFAULT_STATS_WINDOW_MS, type ExecutionListQuery, type ExecutionStatsQuery } from "./execution-filters";
import { histogramPercentile, mergeHistogramInto } from "./latency-histogram";
import { coverWindow } from "./rollup-window";

const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

function executionWhere(
  projectId: string,
  query: ExecutionStatsQuery & Partial<Pick<ExecutionListQuery, "status" | "errorType">>,
): Prisma.ExecutionWhereInput {
  return {
    projectId,
    ...(query.tool ? { toolName: query.tool } : {}),
    ...(query.environment ? { environment: upper(query.environment) } : {}),
    ...(query.status ? { status: upper(query.status) } : {}),
    ...(query.errorType ? { errorType: query.errorType } : {}),
    ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } } : {}),
  };
}

/**
 * Newest first (ties broken by id, so pages never overlap), a page at a time. The cursor is the
 * last row's id; the next page starts strictly after its (createdAt, id), a range every filter's
 * index serves directly (schema.prisma: one index per filter, ending with createdAt, id), so a
 * deep page costs what the first does.
 */
export async function listExecutions(options: { access: ProjectAccess; query: ExecutionListQuery }) {
  const { query } = options;
  const projectId = options.access.project.id;
  const where = executionWhere(projectId, query);
  if (query.cursor) {
    const after = await db.execution.findFirst({ where: { id: query.cursor, projectId }, select: { createdAt: true, id: true } });
    if (!after) return { data: [], nextCursor: null };
    // `lte` is implied by the OR, but lets the database start the index range at the cursor.
    where.AND = [
      { createdAt: { lte: after.createdAt } },
      { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
    ];
  }
  const rows = await db.execution.findMany({
    where,
    select: executionSummarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query);
  return { ...page, data: page.data.map(presentExecutionSummary) };
}

/** One call with its input, output, console output and hashes. */
export async function getExecution(options: { access: ProjectAccess; id: string }) {
  const row = await db.execution.findFirst({ where: { id: options.id, projectId: options.access.project.id } });
  if (!row) throw notFound("Execution");
  return presentExecution(row);
}

/**
 * Per-tool call count, error count and rate, average, p50 and p95 duration over a time range
 * (default: the last 24 hours), plus the same over all tools — from the rollups
 * (ExecutionRollup, maintained by database triggers as rows are written and deleted), never by
 * reading the window's rows: the window is covered by whole 1 min…1 day buckets and the raw rows
 * of the less-than-a-minute left at each edge (rollup-window.ts), so the cost does not grow with
 * the number of calls. Counts, errors and averages are exact; percentiles come from the merged
 * latency histograms, within LATENCY_RELATIVE_PRECISION (4.43 %) of percentile_cont over the rows.
 *
 * Every record counts as a call and every failure as an error, refused ones included. Latency is
 * over calls that ran: a call refused before running (rate_limited, auth) took no time worth
 * measuring and would drag the percentiles towards zero just when something is wrong.
 */
export async function getExecutionStats(options: { access: ProjectAccess; query: ExecutionStatsQuery; now?: Date }) {
  const { query } = options;
  const to = query.to ?? options.now ?? new Date();
  const from = query.from ?? new Date(to.getTime() - DEFAULT_STATS_WINDOW_MS);
  const projectId = options.access.project.id;
  const cover = coverWindow(from, to);

  const scope: Prisma.Sql[] = [];
  if (query.tool) scope.push(Prisma.sql`"toolName" = ${query.tool}`);
  if (query.environment) scope.push(Prisma.sql`"environment" = CAST(${upper(query.environment)} AS "Environment")`);
  const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

  // One query: the rollups' counters per tool, their histograms merged per tool and slot, and the
  // edges' raw rows binned the same way. Rows: (tool, slot null, counters) or (tool, slot, count).
  const parts: Prisma.Sql[] = [];
  if (cover.buckets.length > 0) {
    const ranges = cover.buckets.map(
      (range) =>
        Prisma.sql`("bucketSeconds" = ${range.bucketSeconds} AND "bucketStart" >= ${utc(range.from)} AND "bucketStart" < ${utc(range.to)})`,
    );
    const picked = Prisma.sql`(
      SELECT "toolName", "calls", "errors", "ran", "durationSumMs", "histogram" FROM "ExecutionRollup"
      WHERE "projectId" = ${projectId} AND (${Prisma.join(ranges, " OR ")})${and(scope)}
    ) AS picked`;
    parts.push(
      // float8, not int: a busy tool's calls over a long window pass 2^31 (an int cast fails the query).
      Prisma.sql`SELECT "toolName", NULL::int AS "slot", SUM("calls")::float8 AS "calls", SUM("errors")::float8 AS "errors",
                        SUM("ran")::float8 AS "ran", SUM("durationSumMs")::float8 AS "durationSumMs"
                 FROM ${picked} GROUP BY "toolName"`,
      Prisma.sql`SELECT "toolName", slot.i::int AS "slot", SUM(slot.n)::float8 AS "calls", 0 AS "errors", 0 AS "ran", 0 AS "durationSumMs"
                 FROM ${picked}, unnest("histogram") WITH ORDINALITY AS slot(n, i)
                 WHERE slot.n <> 0 GROUP BY "toolName", slot.i`,
    );
  }
  if (cover.raw.length > 0) {
    // createdAt is `timestamp(3)` holding UTC: compare with UTC wall-clock text, whatever the session time zone.
    const ranges = cover.raw.map((range) => Prisma.sql`("createdAt" >= ${utc(range.from)} AND "createdAt" < ${utc(range.to)})`);
    const tail = Prisma.sql`(
      SELECT "toolName", "status", "durationMs",
             CASE WHEN "errorType" IS NULL OR "errorType" NOT IN ('rate_limited', 'auth') THEN execution_latency_slot("durationMs") END AS "slot"
      FROM "Execution" WHERE "projectId" = ${projectId} AND (${Prisma.join(ranges, " OR ")})${and(scope)}
    ) AS tail`;
    parts.push(
      Prisma.sql`SELECT "toolName", NULL::int AS "slot", COUNT(*)::int AS "calls", (COUNT(*) FILTER (WHERE "status" = 'ERROR'))::int AS "errors",
                        (COUNT(*) FILTER (WHERE "slot" IS NOT NULL))::int AS "ran",
                        COALESCE(SUM("durationMs") FILTER (WHERE "slot" IS NOT NULL), 0)::float8 AS "durationSumMs"
                 FROM ${tail} GROUP BY "toolName"`,
      Prisma.sql`SELECT "toolName", "slot", COUNT(*)::int AS "calls", 0 AS "errors", 0 AS "ran", 0 AS "durationSumMs" FROM ${tail} WHERE "slot" IS NOT NULL GROUP BY "toolName", "slot"`,
    );
  }
  const rows = parts.length ? await db.$queryRaw<StatsPartRow[]>`${Prisma.join(parts, " UNION ALL ")}` : [];

  const figures = new Map<string, Figures>();
  for (const row of rows) {
    let entry = figures.get(row.toolName);
    if (!entry) figures.set(row.toolName, (entry = emptyFigures()));
    if (row.slot === null) {
      entry.calls += row.calls;
      entry.errors += row.errors;
      entry.ran += row.ran;
      entry.durationSumMs += row.durationSumMs;
    } else {
      while (entry.histogram.length < row.slot) entry.histogram.push(0);
      entry.histogram[row.slot - 1] += row.calls;
    }
  }

  const total = emptyFigures();
  const tools = [...figures]
    .filter(([, entry]) => entry.calls > 0)
    .map(([toolName, entry]) => {
      total.calls += entry.calls;
      total.errors += entry.errors;
      total.ran += entry.ran;
      total.durationSumMs += entry.durationSumMs;
      mergeHistogramInto(total.histogram, entry.histogram);
      return { toolName, ...presentToolStats(statsRow(entry)) };
    })
    .sort((a, b) => b.calls - a.calls || a.toolName.localeCompare(b.toolName));
  return { from, to, tools, total: presentToolStats(statsRow(total)) };
}

/** Counters (slot null) or one histogram slot's count (in `calls`) of a tool. */
type StatsPartRow = { toolName: string; slot: number | null; calls: number; errors: number; ran: number; durationSumMs: number };
type Figures = { calls: number; errors: number; ran: number; durationSumMs: number; histogram: number[] };

const emptyFigures = (): Figures => ({ calls: 0, errors: 0, ran: 0, durationSumMs: 0, histogram: [] });
const utc = (date: Date) => Prisma.sql`CAST(${date.toISOString()} AS timestamp(3))`;

function statsRow(entry: Figures): ExecutionStatsRow {
  return {
    calls: entry.calls,
    errors: entry.errors,
    avg: entry.ran === 0 ? null : entry.durationSumMs / entry.ran,
    p50: histogramPercentile(entry.histogram, 0.5),
    p95: histogramPercentile(entry.histogram, 0.95),
  };
}

export type ExecutionStats = Awaited<ReturnType<typeof getExecutionStats>>;
