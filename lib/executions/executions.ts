// Reading tool-execution records (SPEC §9): a project's calls newest first with filters, one
// call, and per-tool figures. Rows are written by the recorder (lib/executions/recorder.ts);
// everything here is scoped by the project of the caller's ProjectAccess, so an id of another
// project — or of another organization — is a 404.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage } from "@/lib/validation/common";
import {
  executionSummarySelect,
  presentExecution,
  presentExecutionSummary,
  presentToolStats,
  type ExecutionStatsRow,
} from "./present-execution";
import { DEFAULT_STATS_WINDOW_MS, type ExecutionListQuery, type ExecutionStatsQuery } from "./execution-filters";

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

/** Newest first (ties broken by id, so pages never overlap), a page at a time. */
export async function listExecutions(options: { access: ProjectAccess; query: ExecutionListQuery }) {
  const { query } = options;
  const rows = await db.execution.findMany({
    where: executionWhere(options.access.project.id, query),
    select: executionSummarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs({ cursor: query.cursor, limit: query.limit }),
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
 * Per-tool call count, error count and rate, p50 and p95 duration over a time range (default:
 * the last 24 hours), plus the same over all tools — aggregated in the database (percentile_cont,
 * on PostgreSQL and PGlite alike), one GROUPING SETS query, never by loading rows.
 *
 * Every record counts as a call and every failure as an error, refused ones included. Latency is
 * over calls that ran: a call refused before running (rate_limited, auth) took no time worth
 * measuring and would drag the percentiles towards zero just when something is wrong.
 */
export async function getExecutionStats(options: { access: ProjectAccess; query: ExecutionStatsQuery; now?: Date }) {
  const { query } = options;
  const to = query.to ?? options.now ?? new Date();
  const from = query.from ?? new Date(to.getTime() - DEFAULT_STATS_WINDOW_MS);

  // createdAt is `timestamp(3)` holding UTC: compare with UTC wall-clock text, whatever the session time zone.
  const conditions = [
    Prisma.sql`"projectId" = ${options.access.project.id}`,
    Prisma.sql`"createdAt" >= CAST(${from.toISOString()} AS timestamp(3))`,
    Prisma.sql`"createdAt" < CAST(${to.toISOString()} AS timestamp(3))`,
  ];
  if (query.tool) conditions.push(Prisma.sql`"toolName" = ${query.tool}`);
  if (query.environment) conditions.push(Prisma.sql`"environment" = CAST(${upper(query.environment)} AS "Environment")`);

  const ran = Prisma.sql`FILTER (WHERE "errorType" IS NULL OR "errorType" NOT IN ('rate_limited', 'auth'))`;
  const rows = await db.$queryRaw<Array<ExecutionStatsRow & { isTotal: number }>>`
    SELECT "toolName",
           GROUPING("toolName") AS "isTotal",
           COUNT(*)::int AS "calls",
           (COUNT(*) FILTER (WHERE "status" = 'ERROR'))::int AS "errors",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p50",
           (percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") ${ran})::float8 AS "p95"
    FROM "Execution"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY GROUPING SETS (("toolName"), ())`;

  const tools = rows
    .filter((row) => row.isTotal === 0)
    .map((row) => ({ toolName: row.toolName as string, ...presentToolStats(row) }))
    .sort((a, b) => b.calls - a.calls || a.toolName.localeCompare(b.toolName));
  const total = rows.find((row) => row.isTotal !== 0) ?? { toolName: null, calls: 0, errors: 0, p50: null, p95: null };
  return { from, to, tools, total: presentToolStats(total) };
}

export type ExecutionStats = Awaited<ReturnType<typeof getExecutionStats>>;
