"use client";

import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { ExecutionStats } from "@/lib/hooks/api-types";
import { ToolName } from "./execution-badges";
import { formatDuration, formatRate } from "./format";

type Figures = ExecutionStats["total"];

function StatCard({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: "danger" }) {
  return (
    <div className="rounded-xl border border-line bg-surface px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={cn("mt-1 font-mono text-xl font-semibold tabular-nums", tone === "danger" && "text-danger")}>{value}</dd>
      {detail && <dd className="text-xs text-muted">{detail}</dd>}
    </div>
  );
}

function OverallCards({ total }: { total: Figures }) {
  return (
    <dl aria-label="All tools" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <StatCard label="Calls" value={String(total.calls)} />
      <StatCard
        label="Error rate"
        value={formatRate(total.errorRate)}
        detail={`${total.errors} ${total.errors === 1 ? "error" : "errors"}`}
        tone={total.errors > 0 ? "danger" : undefined}
      />
      <StatCard label="p50 latency" value={formatDuration(total.p50Ms)} />
      <StatCard label="p95 latency" value={formatDuration(total.p95Ms)} />
    </dl>
  );
}

function PerToolTable({ tools, onSelectTool }: { tools: ExecutionStats["tools"]; onSelectTool: (tool: string) => void }) {
  const cell = "px-2 py-2.5 text-right font-mono tabular-nums whitespace-nowrap sm:px-4";
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Calls, error rate and latency per tool</caption>
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-2.5 font-medium sm:px-4">
              Tool
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-4">
              Calls
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-4">
              Error rate
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-4">
              p50
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-4">
              p95
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tools.map((tool) => (
            <tr key={tool.toolName}>
              <th scope="row" className="px-2 py-2.5 font-medium sm:px-4">
                <button
                  type="button"
                  className="cursor-pointer text-left font-mono text-[13px] hover:text-accent-fg hover:underline"
                  title={`Show only ${tool.toolName}`}
                  onClick={() => onSelectTool(tool.toolName)}
                >
                  <ToolName name={tool.toolName} />
                </button>
              </th>
              <td className={cell}>{tool.calls}</td>
              <td className={cn(cell, tool.errors > 0 && "text-danger")}>
                {formatRate(tool.errorRate)}
                <span className="ml-1 hidden text-xs text-muted sm:inline">({tool.errors})</span>
              </td>
              <td className={cell}>{formatDuration(tool.p50Ms)}</td>
              <td className={cell}>{formatDuration(tool.p95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Overall figures and one row per tool for the chosen range; a tool's name filters the list. */
export function ExecutionStatsPanel({
  stats,
  isPending,
  error,
  rangeLabel,
  onSelectTool,
}: {
  stats: ExecutionStats | undefined;
  isPending: boolean;
  error: unknown;
  rangeLabel: string;
  onSelectTool: (tool: string) => void;
}) {
  return (
    <section aria-labelledby="execution-stats-heading" className="space-y-3">
      <h3 id="execution-stats-heading" className="text-sm font-semibold">
        Per tool · <span className="font-normal text-muted">{rangeLabel}</span>
      </h3>
      {error ? (
        <Alert tone="danger" title="The figures could not be loaded">
          {errorMessage(error)}
        </Alert>
      ) : isPending || !stats ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-hidden="true">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-[74px] rounded-xl" />
          ))}
        </div>
      ) : (
        <>
          <OverallCards total={stats.total} />
          {stats.tools.length > 0 && <PerToolTable tools={stats.tools} onSelectTool={onSelectTool} />}
        </>
      )}
    </section>
  );
}
