// Shapes shared by the sandbox runner and its callers (tool calls, the test panel, execution records).

export type SandboxLimits = { timeoutMs: number; memoryMb: number };

export type SandboxEnv = {
  secrets: Record<string, string>;
  organizationId: string;
  projectId: string;
  environment: "draft" | "production";
  locale: string;
};

export type LogEntry = {
  level: "log" | "info" | "warn" | "error" | "debug";
  message: string;
  /** Milliseconds since the call started. */
  at: number;
};

/** MCP content blocks a handler may return through the `mcp` helper. */
export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "audio"; data: string; mimeType: string }
  | { type: "resource"; resource: { uri: string; mimeType?: string; text?: string; blob?: string } };

/** MCP log levels (RFC 5424 severities), lowest first. */
export const MCP_LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"] as const;
export type McpLogLevel = (typeof MCP_LOG_LEVELS)[number];

/**
 * What a handler tells the client while it runs, through `mcp.log` and `mcp.progress`
 * (content-helper.ts). Strings are already redacted of the tool's secrets.
 */
export type McpHandlerEvent =
  | { kind: "log"; level: McpLogLevel; data: unknown }
  | { kind: "progress"; progress: number; total?: number; message?: string }
  /** `await mcp.elicit(params, { key? })` / `await mcp.sample(…)`: `key` names the question (default: its place, elicit-1, sample-2…). */
  | { kind: "input"; method: "elicitation/create" | "sampling/createMessage"; key: string; params: unknown };

/**
 * Receives a handler's events as they happen. For an `input` event it returns the client's answer
 * as JSON when there is one; returning nothing makes the call wait for it (input-required).
 */
export type McpEventListener = (event: McpHandlerEvent) => string | undefined | void;

/**
 * `busy`: refused before it ran, because the process already runs as many handlers as it may.
 * `cancelled`: the caller's signal aborted the call (the client cancelled the request).
 */
export type SandboxErrorType = "runtime" | "timeout" | "memory" | "output_too_large" | "busy" | "cancelled";

export type SandboxResult =
  | { ok: true; output: unknown; content?: ContentBlock[]; logs: LogEntry[]; durationMs: number }
  | { ok: false; errorType: SandboxErrorType; message: string; logs: LogEntry[]; durationMs: number };
