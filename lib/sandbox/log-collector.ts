import { MAX_LOG_ENTRIES, MAX_LOG_MESSAGE_CHARS } from "./limits";
import { longestSecretLength, redactSecrets } from "./redact-secrets";
import { MCP_LOG_LEVELS, type LogEntry, type McpEventListener, type McpHandlerEvent, type McpLogLevel } from "./types";

const LEVELS = new Set<LogEntry["level"]>(["log", "info", "warn", "error", "debug"]);

/**
 * Collects console output for one call. The host is the authority on the caps and on redaction:
 * the isolate only pre-formats messages, so nothing it sends can bypass either.
 */
export function createLogCollector({
  startedAt,
  secrets,
  onMcpEvent,
}: {
  startedAt: number;
  secrets: Record<string, string>;
  onMcpEvent?: McpEventListener;
}) {
  const entries: LogEntry[] = [];
  let dropped = false;
  const secretTail = longestSecretLength(secrets);

  function push(level: LogEntry["level"], message: string) {
    entries.push({ level, message: clean(message, false), at: Math.round(performance.now() - startedAt) });
  }

  // `cutInIsolate`: the isolate shortened the message, so its tail may be the start of a secret,
  // which redaction cannot recognise. Whole secrets are gone after redaction, so dropping the
  // last (longest secret) characters removes any such fragment.
  function clean(message: string, cutInIsolate: boolean) {
    const redacted = redactSecrets(message, secrets);
    const whole = cutInIsolate ? redacted.slice(0, Math.max(0, redacted.length - secretTail)) : redacted;
    if (!cutInIsolate && whole.length <= MAX_LOG_MESSAGE_CHARS) return whole;
    return `${whole.slice(0, MAX_LOG_MESSAGE_CHARS)}… [truncated: message longer than ${MAX_LOG_MESSAGE_CHARS} characters]`;
  }

  return {
    entries,
    /**
     * Called from the isolate's console, and from `mcp.log` / `mcp.progress` with `mcpEvent` (a
     * JSON string) describing the event too. Arguments are untrusted. Returns the client's answer
     * (JSON) to an `mcp.elicit` / `mcp.sample`, when there is one.
     */
    fromIsolate(level: unknown, message: unknown, cutInIsolate: unknown, mcpEvent?: unknown): string | undefined {
      if (entries.length >= MAX_LOG_ENTRIES) {
        if (!dropped) push("warn", `[log limit reached: console output after ${MAX_LOG_ENTRIES} entries was dropped]`);
        dropped = true;
        return undefined;
      }
      let answer: string | undefined;
      if (onMcpEvent && typeof mcpEvent === "string") {
        const event = readMcpEvent(redactSecrets(mcpEvent, secrets));
        if (event) {
          try {
            const returned = onMcpEvent(event);
            if (event.kind === "input" && typeof returned === "string") answer = returned;
          } catch (error) {
            console.error("[sandbox] delivering an mcp event failed", error);
          }
        }
      }
      const safeLevel = LEVELS.has(level as LogEntry["level"]) ? (level as LogEntry["level"]) : "log";
      entries.push({
        level: safeLevel,
        message: clean(String(message), cutInIsolate === true),
        at: Math.round(performance.now() - startedAt),
      });
      return answer;
    },
    /** Runner notes (such as an error's stack) go in even when the console filled the log. */
    push,
  };
}

export type LogCollector = ReturnType<typeof createLogCollector>;

const MCP_LEVELS = new Set<string>(MCP_LOG_LEVELS);

/** The event an isolate described (already redacted), checked field by field; null when malformed. */
function readMcpEvent(json: string): McpHandlerEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const event = value as Record<string, unknown>;
  if (event.kind === "log" && typeof event.level === "string" && MCP_LEVELS.has(event.level)) {
    return { kind: "log", level: event.level as McpLogLevel, data: event.data ?? null };
  }
  if (
    event.kind === "input" &&
    (event.method === "elicitation/create" || event.method === "sampling/createMessage") &&
    typeof event.key === "string" &&
    /^[A-Za-z0-9_.-]{1,64}$/.test(event.key)
  ) {
    return { kind: "input", method: event.method, key: event.key, params: event.params ?? {} };
  }
  if (event.kind === "progress" && typeof event.progress === "number" && Number.isFinite(event.progress)) {
    return {
      kind: "progress",
      progress: event.progress,
      ...(typeof event.total === "number" && Number.isFinite(event.total) ? { total: event.total } : {}),
      ...(typeof event.message === "string" ? { message: event.message.slice(0, MAX_LOG_MESSAGE_CHARS) } : {}),
    };
  }
  return null;
}
