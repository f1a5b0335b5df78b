// The filters of the Executions API (SPEC §9, §11), shared by the routes, the domain queries
// and the studio's filter controls. Browser-safe: no database imports.
import { z } from "zod";
import { paginationSchema } from "@/lib/validation/common";

import { EXECUTION_ENVIRONMENTS, EXECUTION_ERROR_TYPES, EXECUTION_STATUSES } from "./execution-values";

// The values themselves live in ./execution-values, free of zod, for the studio's client code.
export {
  EXECUTION_ENVIRONMENTS,
  EXECUTION_STATUSES,
  type ExecutionEnvironment,
  type ExecutionErrorType,
  type ExecutionStatusName,
} from "./execution-values";

/** Stats cover the last 24 hours unless `from` says otherwise. */
export const DEFAULT_STATS_WINDOW_MS = 24 * 60 * 60 * 1000;

const instant = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z" })
  .transform((value) => new Date(value));

const timeRange = {
  /** Inclusive lower bound on the call's start time. */
  from: instant.optional(),
  /** Exclusive upper bound. */
  to: instant.optional(),
};

const fromBeforeTo = (range: { from?: Date; to?: Date }) => !range.from || !range.to || range.from < range.to;
const fromBeforeToIssue = { error: "must be before to", path: ["from"] };

const scope = {
  tool: z.string().trim().min(1).max(100).optional(),
  environment: z.enum(EXECUTION_ENVIRONMENTS).optional(),
};

/** GET …/executions: every filter, plus `?cursor` and `?limit` like other lists. */
export const executionListQuerySchema = z
  .object({
    ...scope,
    ...timeRange,
    status: z.enum(EXECUTION_STATUSES).optional(),
    errorType: z.enum(EXECUTION_ERROR_TYPES).optional(),
    ...paginationSchema.shape,
  })
  .refine(fromBeforeTo, fromBeforeToIssue);

/**
 * GET …/executions/stats: tool, environment and time only. Status and error type are not stats
 * filters — an error rate over errors alone would always be 100% — and are ignored if sent.
 */
export const executionStatsQuerySchema = z.object({ ...scope, ...timeRange }).refine(fromBeforeTo, fromBeforeToIssue);

export type ExecutionListQuery = z.infer<typeof executionListQuerySchema>;
export type ExecutionStatsQuery = z.infer<typeof executionStatsQuerySchema>;
