// How the Executions page writes times, durations and rates. Times are UTC with seconds, in a
// fixed locale, like every date the studio shows (server and browser render the same text).
import type { ExecutionErrorType } from "@/lib/executions/execution-filters";

const timeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatTime(value: string) {
  return `${timeFormat.format(new Date(value))} UTC`;
}

export function formatDuration(ms: number | null) {
  if (ms === null) return "—";
  if (ms < 1000) return `${Number.isInteger(ms) ? ms : ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatRate(rate: number) {
  if (rate === 0) return "0%";
  const percent = rate * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

export const ERROR_TYPE_LABELS: Record<ExecutionErrorType, string> = {
  validation: "Validation",
  runtime: "Runtime",
  timeout: "Timeout",
  rate_limited: "Rate limited",
  auth: "Auth",
  cancelled: "Cancelled",
};

export function errorTypeLabel(errorType: string | null) {
  return errorType && errorType in ERROR_TYPE_LABELS ? ERROR_TYPE_LABELS[errorType as ExecutionErrorType] : "Error";
}

const CALLER_KINDS: Record<string, string> = {
  anonymous: "Anonymous",
  draft_token: "Draft token",
  production_token: "Production token",
  oauth: "OAuth",
  test_panel: "Test panel",
};

export function callerKindLabel(kind: string) {
  return CALLER_KINDS[kind] ?? kind;
}

export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);
