"use client";

import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { OutputBlock, OutputCode } from "@/components/ui/output-block";
import type { CallToolResult } from "@modelcontextprotocol/client";
import dynamic from "next/dynamic";
import type { ViewHost } from "./app-frame";
import type { ComponentDocument } from "./draft-client";

// The MCP Apps host (AppBridge and the SDK) loads when a UI Tool's result is first shown, not with the page.
const AppFrame = dynamic(() => import("./app-frame").then((module) => module.AppFrame), { ssr: false });

export type ToolError = { code: string; message: string; path?: string };
type LogEntry = { level: string; message: string; at?: number };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The `{ error: { code, message, path? } }` object of a refused or failed call, if this is one. */
export function toolErrorOf(result: CallToolResult): ToolError | null {
  if (!result.isError) return null;
  // A tool with an outputSchema sends its error in the text content only (lib/mcp/tool-results.ts).
  const error = (result.structuredContent as { error?: Partial<ToolError> } | undefined)?.error ?? errorInText(result);
  return error && typeof error.code === "string" && typeof error.message === "string"
    ? { code: error.code, message: error.message, ...(typeof error.path === "string" ? { path: error.path } : {}) }
    : null;
}

function errorInText(result: CallToolResult): Partial<ToolError> | undefined {
  const first = result.content?.[0];
  if (first?.type !== "text") return undefined;
  try {
    return (JSON.parse(first.text) as { error?: Partial<ToolError> } | null)?.error ?? undefined;
  } catch {
    return undefined;
  }
}

/** Handler console output: the draft endpoint returns it as `_meta["atelier/logs"]` (production never does). */
function logsOf(result: CallToolResult): LogEntry[] | null {
  const logs = (result._meta as Record<string, unknown> | undefined)?.["atelier/logs"];
  return Array.isArray(logs) ? (logs as LogEntry[]) : null;
}

function ContentBlock({ block }: { block: CallToolResult["content"][number] }) {
  if (block.type === "text") return <OutputCode>{block.text}</OutputCode>;
  if (block.type === "image") {
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the tool, not an optimizable asset
    return (
      <img
        src={`data:${block.mimeType};base64,${block.data}`}
        alt="Returned by the tool"
        className="max-h-80 rounded-lg border border-line"
      />
    );
  }
  return <OutputCode>{pretty(block)}</OutputCode>;
}

function ErrorDetails({ error }: { error: ToolError }) {
  const validation = /validation/.test(error.code);
  return (
    <div
      role="alert"
      aria-label={validation ? "Validation error" : "Tool error"}
      className="space-y-2 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm"
    >
      <p className="font-semibold text-danger">{validation ? "Validation error" : "The tool returned an error"}</p>
      <p className="text-fg/85">{error.message}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-muted">Code</dt>
        <dd className="font-mono">{error.code}</dd>
        {error.path !== undefined && (
          <>
            <dt className="text-muted">Path</dt>
            <dd>
              <mark className="rounded bg-warning-soft px-1.5 py-0.5 font-mono text-warning ring-1 ring-warning/30">
                {error.path || "/ (the arguments object)"}
              </mark>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** One call's outcome: status and duration, errors with their path, the rendered UI, content, structuredContent, console. */
export function ResultView({
  result,
  durationMs,
  component,
  componentProblem,
  toolName,
  args,
  viewHost,
}: {
  result: CallToolResult;
  durationMs: number;
  component?: ComponentDocument | null;
  componentProblem?: string | null;
  toolName: string;
  args: Record<string, unknown>;
  /** Serves the view's requests (tools/call, resources/read) through the panel's MCP client. */
  viewHost?: ViewHost;
}) {
  const error = toolErrorOf(result);
  const logs = logsOf(result);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={result.isError ? "danger" : "success"}>{result.isError ? "Error" : "Success"}</Badge>
        <span className="text-muted">
          Duration <span className="font-mono text-fg">{durationMs} ms</span>
        </span>
      </div>

      {error && <ErrorDetails error={error} />}

      {component && !result.isError && (
        <OutputBlock level={4} title="Rendered component">
          <AppFrame
            title={`${toolName} component`}
            document={{ kind: "document", text: component.html, csp: component.csp, name: toolName }}
            toolInput={args}
            toolResult={{ content: result.content, structuredContent: result.structuredContent }}
            host={viewHost}
          />
        </OutputBlock>
      )}
      {componentProblem && <p className="text-sm text-warning">{componentProblem}</p>}

      <OutputBlock level={4} title="Content">
        {result.content.length === 0 ? (
          <p className="text-sm text-muted">No content blocks.</p>
        ) : (
          <div className="space-y-2">
            {result.content.map((block, index) => (
              <ContentBlock key={index} block={block} />
            ))}
          </div>
        )}
      </OutputBlock>

      {result.structuredContent !== undefined && (
        <OutputBlock level={4} title="Structured content" actions={<CopyButton value={pretty(result.structuredContent)} />}>
          <OutputCode>{pretty(result.structuredContent)}</OutputCode>
        </OutputBlock>
      )}

      {logs && (
        <OutputBlock level={4} title="Console">
          {logs.length === 0 ? (
            <p className="text-sm text-muted">Nothing logged.</p>
          ) : (
            <OutputCode>{logs.map((entry) => `${entry.level.padEnd(5)} ${entry.message}`).join("\n")}</OutputCode>
          )}
        </OutputBlock>
      )}
    </div>
  );
}
