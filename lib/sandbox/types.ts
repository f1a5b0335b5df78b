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

/** `busy`: refused before it ran, because the process already runs as many handlers as it may. */
export type SandboxErrorType = "runtime" | "timeout" | "memory" | "output_too_large" | "busy";

export type SandboxResult =
  | { ok: true; output: unknown; content?: ContentBlock[]; logs: LogEntry[]; durationMs: number }
  | { ok: false; errorType: SandboxErrorType; message: string; logs: LogEntry[]; durationMs: number };
