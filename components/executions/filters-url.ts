// The Executions filters as query parameters, so a filtered view is a link to share and the back
// button steps through earlier filters. Unknown or malformed values fall back to the defaults.
import {
  EXECUTION_ENVIRONMENTS,
  EXECUTION_ERROR_TYPES,
  EXECUTION_STATUSES,
  type ExecutionEnvironment,
  type ExecutionErrorType,
  type ExecutionStatusName,
} from "@/lib/executions/execution-values";
import {
  DEFAULT_EXECUTION_FILTERS,
  TIME_RANGE_PRESETS,
  type ExecutionFilters,
  type TimeRange,
  type TimeRangePreset,
} from "@/lib/hooks/use-executions";

/** The parameters the filters own; everything else on the query string (?execution=…) is kept. */
export const FILTER_PARAMS = ["tool", "environment", "status", "errorType", "range", "from", "to"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function parseRange(params: URLSearchParams): TimeRange {
  const preset = params.get("range");
  if (preset === "custom") {
    // A half-typed bound stays as typed: the filter bar says what is wrong with it.
    const bound = (name: string) => (params.get(name) ?? "").slice(0, 19);
    return { preset: "custom", from: bound("from"), to: bound("to") };
  }
  if (preset && Object.hasOwn(TIME_RANGE_PRESETS, preset)) return { preset: preset as TimeRangePreset };
  return DEFAULT_EXECUTION_FILTERS.range;
}

export function filtersFromParams(params: URLSearchParams): ExecutionFilters {
  const tool = params.get("tool")?.trim() || null;
  const status = oneOf<ExecutionStatusName>(EXECUTION_STATUSES, params.get("status"));
  return {
    tool: tool && tool.length <= 100 ? tool : null,
    environment: oneOf<ExecutionEnvironment>(EXECUTION_ENVIRONMENTS, params.get("environment")),
    status,
    // A successful call has no error type, as in the filter bar.
    errorType: status === "success" ? null : oneOf<ExecutionErrorType>(EXECUTION_ERROR_TYPES, params.get("errorType")),
    range: parseRange(params),
  };
}

/** `current` with the filter parameters replaced by `filters` (defaults left out). */
export function paramsWithFilters(current: URLSearchParams, filters: ExecutionFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of FILTER_PARAMS) next.delete(name);
  if (filters.tool) next.set("tool", filters.tool);
  if (filters.environment) next.set("environment", filters.environment);
  if (filters.status) next.set("status", filters.status);
  if (filters.errorType) next.set("errorType", filters.errorType);
  const { range } = filters;
  if (range.preset === "custom") {
    next.set("range", "custom");
    if (range.from) next.set("from", range.from);
    if (range.to) next.set("to", range.to);
  } else if (range.preset !== DEFAULT_EXECUTION_FILTERS.range.preset) {
    next.set("range", range.preset);
  }
  return next;
}
