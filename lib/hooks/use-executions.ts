"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ExecutionEnvironment, ExecutionErrorType, ExecutionStatusName } from "@/lib/executions/execution-filters";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { EXECUTIONS_PAGE_SIZE, type ExecutionDetail, type ExecutionStats, type ExecutionSummary, type Page } from "@/lib/hooks/api-types";
import { projectPath } from "@/lib/hooks/use-projects";
import { queryKeys } from "@/lib/query-keys";

/** How often the page refetches while auto-refresh is on (paused while the tab is hidden). */
export const AUTO_REFRESH_MS = 5_000;

export const TIME_RANGE_PRESETS = {
  "1h": { label: "Last hour", ms: 60 * 60 * 1000 },
  "24h": { label: "Last 24 hours", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 60 * 60 * 1000 },
  "30d": { label: "Last 30 days", ms: 30 * 24 * 60 * 60 * 1000 },
} as const;
export type TimeRangePreset = keyof typeof TIME_RANGE_PRESETS;

/**
 * A preset is relative to the moment of each fetch, so auto-refresh keeps sliding it forward. A
 * custom range holds `datetime-local` values ("2026-11-21T10:00"), read as UTC like every time the
 * studio shows; an empty `to` means now.
 */
export type TimeRange = { preset: TimeRangePreset } | { preset: "custom"; from: string; to: string };

export type ExecutionFilters = {
  tool: string | null;
  environment: ExecutionEnvironment | null;
  status: ExecutionStatusName | null;
  errorType: ExecutionErrorType | null;
  range: TimeRange;
};

export const DEFAULT_EXECUTION_FILTERS: ExecutionFilters = {
  tool: null,
  environment: null,
  status: null,
  errorType: null,
  range: { preset: "24h" },
};

type Window = { from: string; to?: string };

/** A `datetime-local` value read as UTC, or null when empty or not a date. */
export function utcInstant(value: string): Date | null {
  if (!value) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The time window the range stands for right now. */
export function resolveWindow(range: TimeRange, now = Date.now()): Window {
  if (range.preset !== "custom") return { from: new Date(now - TIME_RANGE_PRESETS[range.preset].ms).toISOString() };
  const from = utcInstant(range.from) ?? new Date(now - TIME_RANGE_PRESETS["24h"].ms);
  const to = utcInstant(range.to);
  return { from: from.toISOString(), ...(to ? { to: to.toISOString() } : {}) };
}

/** Why a custom range can't be used, or null. */
export function rangeProblem(range: TimeRange): string | null {
  if (range.preset !== "custom") return null;
  const from = utcInstant(range.from);
  if (!from) return "Choose a start time.";
  const to = utcInstant(range.to);
  return to && from >= to ? "The start must be before the end." : null;
}

function searchParams(filters: ExecutionFilters, window: Window, extra: Record<string, string> = {}) {
  const entries: Array<[string, string | null | undefined]> = [
    ["tool", filters.tool],
    ["environment", filters.environment],
    ["status", filters.status],
    ["errorType", filters.errorType],
    ["from", window.from],
    ["to", window.to],
    ...Object.entries(extra),
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

const executionsPath = (org: string, project: string) => `${projectPath(org, project)}/executions`;

type ListPage = Page<ExecutionSummary> & { window: Window };
type PageParam = { cursor: string; window: Window } | null;

/**
 * The calls matching the filters, newest first, a page at a time. Later pages reuse the first
 * page's window, so "Load more" continues the same list even while a preset slides.
 */
export function useExecutions(
  org: string,
  project: string,
  filters: ExecutionFilters,
  options: { autoRefresh: boolean; enabled?: boolean },
) {
  return useInfiniteQuery({
    queryKey: queryKeys.executionList(org, project, filters),
    queryFn: async ({ pageParam }: { pageParam: PageParam }): Promise<ListPage> => {
      const window = pageParam?.window ?? resolveWindow(filters.range);
      const query = searchParams(filters, window, {
        limit: String(EXECUTIONS_PAGE_SIZE),
        ...(pageParam ? { cursor: pageParam.cursor } : {}),
      });
      return { ...(await apiFetch<Page<ExecutionSummary>>(`${executionsPath(org, project)}?${query}`)), window };
    },
    initialPageParam: null as PageParam,
    getNextPageParam: (lastPage): PageParam => (lastPage.nextCursor ? { cursor: lastPage.nextCursor, window: lastPage.window } : null),
    placeholderData: keepPreviousData,
    refetchInterval: options.autoRefresh ? AUTO_REFRESH_MS : false,
    // A hidden tab doesn't poll (it refetches when shown again).
    refetchIntervalInBackground: false,
    staleTime: 0,
    enabled: options.enabled ?? true,
  });
}

/** Per-tool and overall calls, errors, error rate and p50/p95 over the same filters (status aside). */
export function useExecutionStats(
  org: string,
  project: string,
  filters: ExecutionFilters,
  options: { autoRefresh: boolean; enabled?: boolean },
) {
  const scope = { tool: filters.tool, environment: filters.environment, range: filters.range };
  return useQuery({
    queryKey: queryKeys.executionStats(org, project, scope),
    queryFn: () => {
      const query = searchParams({ ...scope, status: null, errorType: null }, resolveWindow(filters.range));
      return apiFetch<ExecutionStats>(`${executionsPath(org, project)}/stats?${query}`);
    },
    placeholderData: keepPreviousData,
    refetchInterval: options.autoRefresh ? AUTO_REFRESH_MS : false,
    // A hidden tab doesn't poll (it refetches when shown again).
    refetchIntervalInBackground: false,
    staleTime: 0,
    enabled: options.enabled ?? true,
  });
}

/** One call with its input, output and console output. A record never changes once written. */
export function useExecution(org: string, project: string, id: string | null) {
  return useQuery({
    queryKey: queryKeys.execution(org, project, id ?? ""),
    queryFn: () => apiFetch<ExecutionDetail>(`${executionsPath(org, project)}/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

/** Refetches the list and the stats now. */
export function useRefreshExecutions(org: string, project: string) {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.executions(org, project) }), [queryClient, org, project]);
}
