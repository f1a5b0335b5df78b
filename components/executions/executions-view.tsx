"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { TableSkeleton } from "@/components/studio/skeletons";
import { SectionHeader } from "@/components/ui/section-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/lib/hooks/api-fetch";
import {
  AUTO_REFRESH_MS,
  DEFAULT_EXECUTION_FILTERS,
  rangeProblem,
  TIME_RANGE_PRESETS,
  useExecutionStats,
  useExecutions,
  useRefreshExecutions,
  type ExecutionFilters,
  type TimeRange,
} from "@/lib/hooks/use-executions";
import { ExecutionDetailDrawer } from "./execution-detail";
import { ExecutionFiltersBar, isFiltered } from "./execution-filters";
import { filtersFromParams, paramsWithFilters } from "./filters-url";
import { ExecutionList } from "./execution-list";
import { ExecutionStatsPanel } from "./execution-stats";

const SELECTED_PARAM = "execution";

function rangeLabel(range: TimeRange) {
  if (range.preset !== "custom") return TIME_RANGE_PRESETS[range.preset].label;
  const from = range.from.replace("T", " ");
  return range.to ? `${from} to ${range.to.replace("T", " ")} UTC` : `since ${from} UTC`;
}

/** The open call lives in the URL (?execution=…), so a link opens it and a reload keeps it. */
function useSelectedExecution() {
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = params.get(SELECTED_PARAM);
  const select = useCallback(
    (id: string | null) => {
      const next = new URLSearchParams(params);
      if (id) next.set(SELECTED_PARAM, id);
      else next.delete(SELECTED_PARAM);
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname],
  );
  return [selected, select] as const;
}

/**
 * The filters live in the URL: each change is a history entry (the back button undoes it, the
 * address is a link to this view); typing in a custom range replaces the entry instead.
 */
function useUrlFilters() {
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params)), [params]);
  const setFilters = useCallback(
    (next: ExecutionFilters) => {
      const query = paramsWithFilters(new URLSearchParams(params), next).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      const onlyTimes = next.range.preset === "custom" && filters.range.preset === "custom";
      const sameOtherwise =
        next.tool === filters.tool &&
        next.environment === filters.environment &&
        next.status === filters.status &&
        next.errorType === filters.errorType;
      if (onlyTimes && sameOtherwise) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [params, pathname, filters],
  );
  return [filters, setFilters] as const;
}

function RefreshControls({
  autoRefresh,
  onAutoRefresh,
  refreshing,
  onRefresh,
}: {
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex cursor-pointer items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={autoRefresh}
          onChange={(event) => onAutoRefresh(event.target.checked)}
          className="size-4 accent-accent"
        />
        Auto-refresh every {AUTO_REFRESH_MS / 1000} s
      </label>
      <Button size="sm" onClick={onRefresh} loading={refreshing}>
        Refresh
      </Button>
    </div>
  );
}

/** Per-tool figures, filters, the calls newest first, and one call's details in a drawer. */
export function ExecutionsView({ org, project, toolNames }: { org: string; project: string; toolNames: string[] }) {
  const [filters, setFilters] = useUrlFilters();
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [selected, select] = useSelectedExecution();
  const valid = rangeProblem(filters.range) === null;
  const list = useExecutions(org, project, filters, { autoRefresh, enabled: valid });
  const stats = useExecutionStats(org, project, filters, { autoRefresh, enabled: valid });
  const refresh = useRefreshExecutions(org, project);

  const executions = list.data?.pages.flatMap((page) => page.data) ?? [];
  const tools = useMemo(
    () =>
      [
        ...new Set([...toolNames, ...(stats.data?.tools.map((tool) => tool.toolName) ?? []), ...(filters.tool ? [filters.tool] : [])]),
      ].sort(),
    [toolNames, stats.data, filters.tool],
  );

  return (
    <div className="space-y-6">
      <SectionHeader
        title="Executions"
        description="Every tools/call on the draft and production endpoints: who called, with what, what came back, and how long it took."
        actions={
          <RefreshControls
            autoRefresh={autoRefresh}
            onAutoRefresh={setAutoRefresh}
            refreshing={list.isFetching && !list.isFetchingNextPage}
            onRefresh={refresh}
          />
        }
      />
      <ExecutionFiltersBar filters={filters} onChange={setFilters} toolNames={tools} />
      <ExecutionStatsPanel
        stats={stats.data}
        isPending={stats.isPending}
        error={stats.isError ? stats.error : null}
        rangeLabel={rangeLabel(filters.range)}
        onSelectTool={(tool) => setFilters({ ...filters, tool })}
      />

      <section aria-labelledby="execution-list-heading" className="space-y-3">
        <h3 id="execution-list-heading" className="text-sm font-semibold">
          Calls
        </h3>
        {list.isError && (
          <Alert tone="danger" title="The calls could not be loaded">
            <p>{errorMessage(list.error)}</p>
            <Button size="sm" className="mt-3" onClick={() => list.refetch()}>
              Try again
            </Button>
          </Alert>
        )}
        {list.isPending && valid ? (
          <TableSkeleton rows={5} />
        ) : executions.length === 0 && !list.isError ? (
          isFiltered(filters) ? (
            <EmptyState
              title="No calls match these filters"
              description="Try another tool, status or a longer time range."
              action={<Button onClick={() => setFilters({ ...DEFAULT_EXECUTION_FILTERS, range: filters.range })}>Clear filters</Button>}
            />
          ) : (
            <EmptyState
              title="No tool calls in this time range"
              description="Runs from a tool's test panel and calls from connected MCP hosts, on the draft and production endpoints, appear here within seconds."
            />
          )
        ) : (
          <ExecutionList executions={executions} selectedId={selected} onOpen={select} />
        )}
        {list.hasNextPage && (
          <div className="flex justify-center">
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        )}
      </section>

      <ExecutionDetailDrawer org={org} project={project} id={selected} onClose={() => select(null)} />
    </div>
  );
}
