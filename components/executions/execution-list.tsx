"use client";

import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
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
  const cell = "align-top leading-5";
  return (
    <Table>
      <caption className="sr-only">Tool calls, newest first</caption>
      <TableHead>
        <tr>
          <Th compact className="hidden sm:table-cell">
            Time
          </Th>
          <Th compact>Tool</Th>
          <Th compact className="hidden md:table-cell">
            Environment
          </Th>
          <Th compact>Status</Th>
          <Th compact className="text-right">
            Duration
          </Th>
          <Th compact className="hidden lg:table-cell">
            Caller
          </Th>
          <Th compact className="hidden xl:table-cell">
            Host
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {executions.map((execution) => (
          <tr
            key={execution.id}
            onClick={() => onOpen(execution.id)}
            className={cn("cursor-pointer transition-colors hover:bg-subtle/70", selectedId === execution.id && "bg-accent-soft/60")}
          >
            <Td compact className={cn(cell, "hidden font-mono text-xs whitespace-nowrap text-muted sm:table-cell")}>
              <time dateTime={execution.createdAt}>{formatTime(execution.createdAt)}</time>
            </Td>
            <Td compact className={cn(cell, "min-w-32")}>
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
            </Td>
            <Td compact className={cn(cell, "hidden md:table-cell")}>
              <EnvironmentBadge execution={execution} />
            </Td>
            <Td compact className={cell}>
              <ExecutionStatusBadge execution={execution} codeClassName="hidden sm:inline" />
            </Td>
            <Td compact className={cn(cell, "text-right font-mono text-xs whitespace-nowrap tabular-nums")}>
              {formatDuration(execution.durationMs)}
            </Td>
            <Td compact className={cn(cell, "hidden max-w-56 lg:table-cell")}>
              <p className="truncate" title={execution.caller.label}>
                {execution.caller.label}
              </p>
              {callerKindLabel(execution.caller.kind) !== execution.caller.label && (
                <p className="text-xs text-muted">{callerKindLabel(execution.caller.kind)}</p>
              )}
            </Td>
            <Td compact className={cn(cell, "hidden max-w-48 truncate text-muted xl:table-cell")} title={hostText(execution)}>
              {hostText(execution)}
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
