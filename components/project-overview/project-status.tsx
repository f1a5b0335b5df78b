import { Link } from "@/components/ui/link";
import { ExecutionStatusBadge, EnvironmentBadge, ToolName } from "@/components/executions/execution-badges";
import { formatDuration, formatTime } from "@/components/executions/format";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyField } from "@/components/ui/copy-button";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import type { ExecutionSummary } from "@/lib/hooks/api-types";
import type { Step, StepId } from "./next-steps";

/** Counts and the draft/production state at a glance. */
export function ProjectFigures({
  figures,
}: {
  figures: { label: string; value: string; detail?: string; href: string; tone?: "warning" | "success" }[];
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {figures.map((figure) => (
        <li key={figure.label}>
          <Link
            href={figure.href}
            className="block h-full rounded-xl border border-line bg-surface p-4 shadow-xs transition-colors hover:border-line-strong"
          >
            <p className="text-xs text-muted">{figure.label}</p>
            <p
              className={cn(
                "mt-1 text-lg font-semibold tracking-tight",
                figure.tone === "warning" && "text-warning",
                figure.tone === "success" && "text-success",
              )}
            >
              {figure.value}
            </p>
            {figure.detail && <p className="mt-0.5 text-xs text-muted">{figure.detail}</p>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The path from an empty project to hosts using production; the first open step stands out. */
export function NextSteps({ steps, links }: { steps: Step[]; links: Record<StepId, { href: string; label: string }> }) {
  const current = steps.find((step) => !step.done)?.id;
  return (
    <Section title="Next steps" description={current ? undefined : "Everything is in place. Publish again whenever the draft changes."}>
      <ol className="space-y-3">
        {steps.map((step, index) => (
          <li
            key={step.id}
            aria-current={step.id === current ? "step" : undefined}
            className={cn("flex gap-3 rounded-lg p-3", step.id === current ? "bg-accent-soft/60 ring-1 ring-accent/25" : "")}
          >
            <span
              aria-hidden="true"
              className={cn(
                "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                step.done ? "bg-success-soft text-success" : "bg-subtle text-muted",
              )}
            >
              {step.done ? "✓" : index + 1}
            </span>
            <div className="min-w-0 flex-1 space-y-0.5">
              <p className="text-sm font-medium">
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              <p className="text-sm text-muted">{step.detail}</p>
            </div>
            {!step.done && (
              <Link href={links[step.id].href} className="self-center text-sm font-medium whitespace-nowrap text-accent-fg hover:underline">
                {links[step.id].label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function ConnectHints({ draftUrl, productionUrl, serverHref }: { draftUrl: string; productionUrl: string; serverHref: string }) {
  return (
    <Section
      title="Endpoints"
      description={
        <>
          Hosts connect to these URLs. Tokens, OAuth and ready-made host configuration are in{" "}
          <Link href={serverHref} className="font-medium text-accent-fg hover:underline">
            Server
          </Link>
          .
        </>
      }
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Draft (every save, for testing)</p>
          <CopyField label="Draft endpoint URL" value={draftUrl} />
        </div>
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Production (the published version)</p>
          <CopyField label="Production endpoint URL" value={productionUrl} />
        </div>
      </div>
    </Section>
  );
}

export function RecentExecutions({ executions, executionsHref }: { executions: ExecutionSummary[]; executionsHref: string }) {
  return (
    <Section
      title="Last executions"
      description={
        <Link href={executionsHref} className="font-medium text-accent-fg hover:underline">
          All executions
        </Link>
      }
    >
      {executions.length === 0 ? (
        <p className="text-sm text-muted">No tool calls yet. Runs from a test panel and calls from hosts appear here.</p>
      ) : (
        <Table>
          <caption className="sr-only">The last tool calls, newest first</caption>
          <TableHead>
            <tr>
              <Th compact>Time</Th>
              <Th compact>Tool</Th>
              <Th compact className="hidden sm:table-cell">
                Endpoint
              </Th>
              <Th compact>Status</Th>
              <Th compact className="hidden text-right md:table-cell">
                Duration
              </Th>
            </tr>
          </TableHead>
          <TableBody>
            {executions.map((execution) => (
              <tr key={execution.id}>
                <Td compact className="font-mono text-xs whitespace-nowrap text-muted">
                  <Link href={`${executionsHref}?execution=${execution.id}`} className="hover:text-fg hover:underline">
                    {formatTime(execution.createdAt)}
                  </Link>
                </Td>
                <Td compact>
                  <ToolName name={execution.toolName} />
                </Td>
                <Td compact className="hidden sm:table-cell">
                  <EnvironmentBadge execution={execution} />
                </Td>
                <Td compact>
                  <ExecutionStatusBadge execution={execution} />
                </Td>
                <Td compact className="hidden text-right font-mono text-xs tabular-nums md:table-cell">
                  {formatDuration(execution.durationMs)}
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
