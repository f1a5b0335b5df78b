// tools/call for one tool of a served snapshot: validate the arguments, then run the Data Tool
// handler in the sandbox (or check a UI Tool's props), validate the output, and describe what
// happened for the execution record. Never throws for anything a handler or caller does: every
// failure becomes an `isError` result the model can act on.
import type { CallToolResult } from "@modelcontextprotocol/server";
import { nestingDepth } from "@/lib/executions/recorder-row";
import { validateAgainst } from "@/lib/json-schema/json-schema";
import { type McpEventListener, redactSecrets, runHandler, type LogEntry, type SandboxErrorType } from "@/lib/sandbox";
import { unsafeLoadToolSecrets } from "@/lib/tools/secrets";
import { findDisallowedComponent } from "./component-references";
import { toolErrorResult, toStructuredContent, type ToolError } from "./tool-results";
import type { ServeContext, ServedSnapshot, ServedTool, ToolCallRecord } from "./types";

export type CallToolOptions = {
  snapshot: Pick<ServedSnapshot, "projectId" | "organizationId">;
  tool: ServedTool;
  arguments: Record<string, unknown> | undefined;
  context: Pick<ServeContext, "projectSlug" | "environment" | "locale">;
  /** `mcp.log` / `mcp.progress` of a Data Tool's handler, as they happen (create-project-server.ts sends them on). */
  onMcpEvent?: McpEventListener;
  /** The client cancelled the call (call-cancellation.ts): the handler stops and the call is recorded as cancelled. */
  signal?: AbortSignal;
};

export type CallToolOutcome = { result: CallToolResult; record: ToolCallRecord };

type Step = { result: CallToolResult; logs: LogEntry[]; failure?: { type: NonNullable<ToolCallRecord["errorType"]>; code: string } };

// Error codes of sandbox failures, as the model and the execution record see them.
const SANDBOX_FAILURES: Record<SandboxErrorType, { type: "runtime" | "timeout" | "rate_limited" | "cancelled"; code: string }> = {
  runtime: { type: "runtime", code: "handler_error" },
  timeout: { type: "timeout", code: "timeout" },
  memory: { type: "runtime", code: "memory_limit_exceeded" },
  output_too_large: { type: "runtime", code: "output_too_large" },
  busy: { type: "rate_limited", code: "sandbox_busy" },
  cancelled: { type: "cancelled", code: "cancelled" },
};

export async function callTool(options: CallToolOptions): Promise<CallToolOutcome> {
  const startedAt = new Date();
  const started = performance.now();
  const args = options.arguments ?? {};
  const step = await runCall(options, args);
  const record: ToolCallRecord = {
    toolName: options.tool.name,
    toolId: options.tool.id,
    environment: options.context.environment,
    status: step.failure ? "error" : "success",
    ...(step.failure ? { errorType: step.failure.type, errorCode: step.failure.code } : {}),
    durationMs: Math.round(performance.now() - started),
    logs: step.logs,
    arguments: args,
    startedAt,
    output: step.result,
  };
  return { result: step.result, record };
}

/** Hands a record to the context's recorder; a failing recorder never turns a call into an error. */
export async function reportToolCall(context: Pick<ServeContext, "onToolCall">, record: ToolCallRecord) {
  try {
    await context.onToolCall?.(record);
  } catch (error) {
    console.error("[mcp] recording a tool call failed", error);
  }
}

/** Deeper arguments are refused before validation: schema validation and storage recurse. */
export const MAX_ARGUMENT_DEPTH = 64;

/** Arguments callTool refuses unread: nothing may recurse over them before it does. */
export function argumentsTooDeep(args: unknown): boolean {
  return nestingDepth(args, MAX_ARGUMENT_DEPTH + 1) > MAX_ARGUMENT_DEPTH;
}

async function runCall(options: CallToolOptions, args: Record<string, unknown>): Promise<Step> {
  if (argumentsTooDeep(args)) {
    return refuse("validation", {
      code: "arguments_too_deep",
      message: `The arguments nest deeper than ${MAX_ARGUMENT_DEPTH} levels; send flatter data`,
    });
  }
  // Arguments first: nothing runs, and no secret is decrypted, for a call the schema refuses.
  const invalid = validateAgainst(options.tool.inputSchema, args);
  if (invalid) return refuse("validation", invalid);
  return options.tool.kind === "ui" ? callUiTool(options, args) : callDataTool(options, args);
}

function callUiTool({ tool, context }: CallToolOptions, props: Record<string, unknown>): Step {
  const allowed = new Set([...(tool.component ? [tool.component] : []), ...tool.allowedComponents]);
  const disallowed = findDisallowedComponent(props, { projectSlug: context.projectSlug, allowed });
  if (disallowed) return refuse("validation", disallowed);
  const outputProblem = checkOutput(tool, props);
  if (outputProblem) return outputProblem;
  return {
    result: {
      content: [{ type: "text", text: `Showing ${tool.title || tool.name}.` }],
      structuredContent: props,
    },
    logs: [],
  };
}

async function callDataTool(
  { snapshot, tool, context, onMcpEvent, signal }: CallToolOptions,
  props: Record<string, unknown>,
): Promise<Step> {
  // Read at call time: secrets are live on both endpoints, and only the called tool's are loaded.
  const { secrets, missing } =
    tool.id && tool.secretNames.length > 0
      ? await unsafeLoadToolSecrets(tool.id, context.environment)
      : { secrets: {}, missing: [] as string[] };
  // A secret with a draft value only: production must not run the handler without it.
  if (missing.length > 0) {
    return refuse("runtime", {
      code: "secret_missing",
      message: `The secret${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of "${tool.name}" ha${missing.length > 1 ? "ve" : "s"} no ${context.environment} value. Set one in the studio (the tool's Secrets tab).`,
    });
  }
  const run = await runHandler({
    code: tool.handler,
    props,
    env: {
      secrets,
      organizationId: snapshot.organizationId,
      projectId: snapshot.projectId,
      environment: context.environment,
      locale: context.locale,
    },
    limits: { timeoutMs: tool.timeoutMs, memoryMb: tool.memoryMb },
    allowedDomains: tool.allowedDomains,
    onMcpEvent,
    signal,
  });
  if (!run.ok) {
    const failure = SANDBOX_FAILURES[run.errorType];
    return { ...refuse(failure.type, { code: failure.code, message: run.message }), logs: run.logs };
  }

  // A secret a handler echoes back would reach the model and the host; it is hidden here as it
  // is in logs and error messages.
  const output = redactDeep(run.output, secrets);
  const outputProblem = checkOutput(tool, output);
  if (outputProblem) return { ...outputProblem, logs: run.logs };

  if (run.content) {
    // `mcp.result(...)`: the handler chose its content blocks; structuredContent is optional.
    // The sandbox checked each block (a resource has exactly one of text or blob), which is
    // what the SDK's union type spells out.
    const content = redactDeep(run.content, secrets) as CallToolResult["content"];
    const structured = output === null ? {} : { structuredContent: toStructuredContent(output) };
    return { result: { content, ...structured }, logs: run.logs };
  }
  const structuredContent = toStructuredContent(output);
  return {
    result: { content: [{ type: "text", text: JSON.stringify(structuredContent) }], structuredContent },
    logs: run.logs,
  };
}

function checkOutput(tool: ServedTool, output: unknown): Step | null {
  if (!tool.outputSchema) return null;
  const violation = validateAgainst(tool.outputSchema, output);
  if (!violation) return null;
  return refuse("validation", {
    code: "output_validation_failed",
    message: `The tool's output does not match its output schema: ${violation.message}`,
    path: violation.path,
  });
}

function refuse(type: NonNullable<ToolCallRecord["errorType"]>, error: ToolError): Step {
  return { result: toolErrorResult(error), logs: [], failure: { type, code: error.code } };
}

function redactDeep<T>(value: T, secrets: Record<string, string>): T {
  if (Object.keys(secrets).length === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") return redactSecrets(item, secrets);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === "object") return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    return item;
  };
  return walk(value) as T;
}
