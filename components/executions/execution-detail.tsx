"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { OutputBlock, OutputCode } from "@/components/ui/output-block";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { ExecutionDetail as Execution } from "@/lib/hooks/api-types";
import { useExecution } from "@/lib/hooks/use-executions";
import { EnvironmentBadge, ExecutionStatusBadge, ToolName } from "./execution-badges";
import { Drawer } from "./execution-drawer";
import { callerKindLabel, formatDuration, formatTime, prettyJson } from "./format";

/** What the recorder keeps instead of a value over 64 KB (lib/executions/recorder-row.ts). */
type TruncatedJson = { $truncated: true; bytes: number; preview: string };

function isTruncated(value: unknown): value is TruncatedJson {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Partial<TruncatedJson>).$truncated === true &&
    typeof (value as Partial<TruncatedJson>).preview === "string"
  );
}

function JsonBlock({ title, value, missing }: { title: string; value: unknown; missing: string }) {
  const truncated = isTruncated(value) ? value : null;
  const text = value === null || value === undefined ? null : truncated ? truncated.preview : prettyJson(value);
  return (
    <OutputBlock title={title} actions={text && <CopyButton value={text} label={`Copy ${title.toLowerCase()}`} />}>
      {truncated && (
        <p className="text-xs text-warning">
          Too large to keep whole ({Math.round(truncated.bytes / 1024)} KB): the beginning of its JSON is shown; the hash is of the full
          value.
        </p>
      )}
      {text ? <OutputCode>{text}</OutputCode> : <p className="text-sm text-muted">{missing}</p>}
    </OutputBlock>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-3 py-2 sm:grid-cols-[9rem_1fr]">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Hash({ value }: { value: string | null }) {
  if (!value) return <span className="text-muted">—</span>;
  return <code className="font-mono text-xs break-all">{value}</code>;
}

/** The caller's label, with its kind (when the label doesn't already say it) and its token or grant id. */
function Caller({ caller }: { caller: Execution["caller"] }) {
  const kind = callerKindLabel(caller.kind);
  const details = [kind === caller.label ? null : kind, caller.id].filter(Boolean);
  return (
    <>
      {caller.label}
      {details.length > 0 && <span className="block font-mono text-xs text-muted">{details.join(" · ")}</span>}
    </>
  );
}

function Overview({ execution }: { execution: Execution }) {
  return (
    <dl className="divide-y divide-line text-sm">
      <Row label="Time">
        <time dateTime={execution.createdAt}>{formatTime(execution.createdAt)}</time>
      </Row>
      <Row label="Status">
        <ExecutionStatusBadge execution={execution} />
      </Row>
      <Row label="Duration">
        <span className="font-mono">{formatDuration(execution.durationMs)}</span>
      </Row>
      <Row label="Environment">
        <EnvironmentBadge execution={execution} />
      </Row>
      <Row label="Caller">
        <Caller caller={execution.caller} />
      </Row>
      <Row label="Host">
        {execution.host ? (
          `${execution.host.name}${execution.host.version ? ` ${execution.host.version}` : ""}`
        ) : (
          <span className="text-muted">Not sent by the client</span>
        )}
      </Row>
      <Row label="IP address">
        {execution.ip ? <span className="font-mono">{execution.ip}</span> : <span className="text-muted">—</span>}
      </Row>
      <Row label="Input SHA-256">
        <Hash value={execution.inputSha256} />
      </Row>
      <Row label="Output SHA-256">
        <Hash value={execution.outputSha256} />
      </Row>
    </dl>
  );
}

function Details({ execution }: { execution: Execution }) {
  return (
    <div className="space-y-6">
      <Overview execution={execution} />
      <JsonBlock title="Input" value={execution.input} missing="Not recorded." />
      <JsonBlock
        title="Output"
        value={execution.output}
        missing={execution.status === "error" ? "No output: the call failed before returning one." : "Not recorded."}
      />
      <OutputBlock title="Console">
        {execution.logs.length === 0 ? (
          <p className="text-sm text-muted">Nothing logged.</p>
        ) : (
          <OutputCode>
            {execution.logs.map((entry) => `${String(entry.at).padStart(5)} ms  ${entry.level.padEnd(5)} ${entry.message}`).join("\n")}
          </OutputCode>
        )}
      </OutputBlock>
    </div>
  );
}

function DetailsSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading the call</span>
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-5 w-full" />
      ))}
      <Skeleton className="h-32 w-full" />
    </div>
  );
}

/** One call's input, output, console output, hashes, caller, host and IP, in a drawer. */
export function ExecutionDetailDrawer({
  org,
  project,
  id,
  onClose,
}: {
  org: string;
  project: string;
  id: string | null;
  onClose: () => void;
}) {
  const execution = useExecution(org, project, id);
  const title = execution.data ? (
    <span className="font-mono">
      <ToolName name={execution.data.toolName} />
    </span>
  ) : (
    "Tool call"
  );
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={title}>
      {execution.isError ? (
        <Alert tone="danger" title="This call could not be loaded">
          <p>{errorMessage(execution.error)}</p>
          <Button size="sm" className="mt-3" onClick={() => execution.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : execution.data ? (
        <Details execution={execution.data} />
      ) : (
        <DetailsSkeleton />
      )}
    </Drawer>
  );
}
