"use client";

import { cn } from "@/components/ui/cn";
import type { ExecutionSummary } from "@/lib/hooks/api-types";
import { EnvironmentBadge, ExecutionStatusBadge, ToolName } from "./execution-badges";
import { callerKindLabel, formatDuration, formatTime } from "./format";

function hostText(execution: ExecutionSummary) {
  if (!execution.host) return "—";
  return execution.host.version ? `${execution.host.name} ${execution.host.version}` : execution.host.name;
}

/**
 * One row per call. On a phone the row keeps time, tool, status and duration, with environment
 * and caller under the tool name; wider screens give them columns. The tool name is the row's
 * button (keyboard and screen readers); a click anywhere on the row does the same.
 */
export function ExecutionList({
  executions,
  selectedId,
  onOpen,
}: {
  executions: ExecutionSummary[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  const head = "px-3 py-2.5 font-medium sm:px-4";
  const cell = "px-3 py-3 align-top leading-5 sm:px-4";
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tool calls, newest first</caption>
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className={cn(head, "hidden sm:table-cell")}>
              Time
            </th>
            <th scope="col" className={head}>
              Tool
            </th>
            <th scope="col" className={cn(head, "hidden md:table-cell")}>
              Environment
            </th>
            <th scope="col" className={head}>
              Status
            </th>
            <th scope="col" className={cn(head, "text-right")}>
              Duration
            </th>
            <th scope="col" className={cn(head, "hidden lg:table-cell")}>
              Caller
            </th>
            <th scope="col" className={cn(head, "hidden xl:table-cell")}>
              Host
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {executions.map((execution) => (
            <tr
              key={execution.id}
              onClick={() => onOpen(execution.id)}
              className={cn("cursor-pointer transition-colors hover:bg-subtle/70", selectedId === execution.id && "bg-accent-soft/60")}
            >
              <td className={cn(cell, "hidden font-mono text-xs whitespace-nowrap text-muted sm:table-cell")}>
                <time dateTime={execution.createdAt}>{formatTime(execution.createdAt)}</time>
              </td>
              <td className={cn(cell, "min-w-32")}>
                <button
                  type="button"
                  className="cursor-pointer text-left font-mono text-[13px] font-medium hover:text-accent-fg hover:underline"
                  aria-label={`${execution.toolName}, ${formatTime(execution.createdAt)}: details`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(execution.id);
                  }}
                >
                  <ToolName name={execution.toolName} />
                </button>
                <p className="mt-0.5 font-mono text-xs text-muted sm:hidden">
                  <time dateTime={execution.createdAt}>{formatTime(execution.createdAt)}</time>
                </p>
                <div className="mt-1 flex flex-wrap items-center gap-1.5 md:hidden">
                  <EnvironmentBadge execution={execution} />
                </div>
                <p className="mt-1 truncate text-xs text-muted lg:hidden">{execution.caller.label}</p>
              </td>
              <td className={cn(cell, "hidden md:table-cell")}>
                <EnvironmentBadge execution={execution} />
              </td>
              <td className={cell}>
                <ExecutionStatusBadge execution={execution} codeClassName="hidden sm:inline" />
              </td>
              <td className={cn(cell, "text-right font-mono text-xs whitespace-nowrap tabular-nums")}>
                {formatDuration(execution.durationMs)}
              </td>
              <td className={cn(cell, "hidden max-w-56 lg:table-cell")}>
                <p className="truncate" title={execution.caller.label}>
                  {execution.caller.label}
                </p>
                {callerKindLabel(execution.caller.kind) !== execution.caller.label && (
                  <p className="text-xs text-muted">{callerKindLabel(execution.caller.kind)}</p>
                )}
              </td>
              <td className={cn(cell, "hidden max-w-48 truncate text-muted xl:table-cell")} title={hostText(execution)}>
                {hostText(execution)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
