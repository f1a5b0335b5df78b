import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ExecutionSummary } from "@/lib/hooks/api-types";
import { errorTypeLabel } from "./format";

/** Success, or the kind of failure with its code beside it. */
export function ExecutionStatusBadge({
  execution,
  codeClassName,
}: {
  execution: Pick<ExecutionSummary, "status" | "errorType" | "errorCode">;
  codeClassName?: string;
}) {
  if (execution.status === "success") return <Badge tone="success">Success</Badge>;
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <Badge tone={execution.errorType === "rate_limited" ? "warning" : "danger"} className="whitespace-nowrap">
        {errorTypeLabel(execution.errorType)}
      </Badge>
      {execution.errorCode && (
        <code className={cn("font-mono text-xs text-muted [overflow-wrap:anywhere]", codeClassName)}>{execution.errorCode}</code>
      )}
    </span>
  );
}

/** Draft, or Production with the package version it served. */
export function EnvironmentBadge({ execution }: { execution: Pick<ExecutionSummary, "environment" | "packageVersion"> }) {
  if (execution.environment === "draft") return <Badge>Draft</Badge>;
  return (
    <Badge tone="accent" className="whitespace-nowrap">
      Production{execution.packageVersion ? ` v${execution.packageVersion}` : ""}
    </Badge>
  );
}

/** A tool name that may wrap after its underscores (get_weather_for_city) rather than mid-word. */
export function ToolName({ name }: { name: string }) {
  const parts = name.split("_");
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}
