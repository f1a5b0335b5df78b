// Execution rows → the API's shapes. The list carries what a row of the Executions page shows;
// input, output, logs and hashes only come with one execution (they can be 64 KB each).
import type { Execution } from "@/lib/generated/prisma/client";
import type { LogEntry } from "@/lib/sandbox/types";
import type { ExecutionEnvironment, ExecutionErrorType, ExecutionStatusName } from "./execution-filters";

export const executionSummarySelect = {
  id: true,
  createdAt: true,
  toolName: true,
  environment: true,
  packageVersion: true,
  status: true,
  errorType: true,
  errorCode: true,
  durationMs: true,
  clientName: true,
  clientVersion: true,
  callerKind: true,
  callerId: true,
  callerLabel: true,
  ip: true,
} as const;

type ExecutionSummaryRow = Pick<Execution, keyof typeof executionSummarySelect>;

export function presentExecutionSummary(row: ExecutionSummaryRow) {
  return {
    id: row.id,
    /** When the call started. */
    createdAt: row.createdAt,
    toolName: row.toolName,
    environment: row.environment.toLowerCase() as ExecutionEnvironment,
    /** The package production served; null on the draft endpoint. */
    packageVersion: row.packageVersion,
    status: row.status.toLowerCase() as ExecutionStatusName,
    errorType: row.errorType as ExecutionErrorType | null,
    errorCode: row.errorCode,
    durationMs: row.durationMs,
    /** The MCP host, from its client info (name and version), when it sent one. */
    host: row.clientName ? { name: row.clientName, version: row.clientVersion } : null,
    /** anonymous | draft_token | production_token | oauth | test_panel; `id` is the token or grant id (the user for test_panel). */
    caller: { kind: row.callerKind, id: row.callerId, label: row.callerLabel },
    ip: row.ip,
  };
}

export function presentExecution(row: Execution) {
  return {
    ...presentExecutionSummary(row),
    input: row.input,
    output: row.output,
    logs: (Array.isArray(row.logs) ? row.logs : []) as LogEntry[],
    inputSha256: row.inputSha256,
    outputSha256: row.outputSha256,
  };
}

export type ExecutionStatsRow = {
  calls: number;
  errors: number;
  avg: number | null;
  p50: number | null;
  p95: number | null;
};

const roundMs = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Per-tool (or overall) figures; latency only over calls that ran (see executions.ts). */
export function presentToolStats(row: ExecutionStatsRow) {
  return {
    calls: row.calls,
    errors: row.errors,
    /** errors / calls, between 0 and 1; 0 when there were no calls. */
    errorRate: row.calls === 0 ? 0 : row.errors / row.calls,
    /** Mean duration (exact); p50/p95 within 4.43 % of the exact percentiles (latency-histogram.ts). */
    avgMs: roundMs(row.avg),
    p50Ms: roundMs(row.p50),
    p95Ms: roundMs(row.p95),
  };
}

export type ExecutionSummary = ReturnType<typeof presentExecutionSummary>;
export type ExecutionDetail = ReturnType<typeof presentExecution>;
