import { MAX_LOG_ENTRIES, MAX_LOG_MESSAGE_CHARS } from "./limits";
import { longestSecretLength, redactSecrets } from "./redact-secrets";
import type { LogEntry } from "./types";

const LEVELS = new Set<LogEntry["level"]>(["log", "info", "warn", "error", "debug"]);

/**
 * Collects console output for one call. The host is the authority on the caps and on redaction:
 * the isolate only pre-formats messages, so nothing it sends can bypass either.
 */
export function createLogCollector({ startedAt, secrets }: { startedAt: number; secrets: Record<string, string> }) {
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
    /** Called from the isolate's console. Arguments are untrusted. */
    fromIsolate(level: unknown, message: unknown, cutInIsolate: unknown) {
      if (entries.length >= MAX_LOG_ENTRIES) {
        if (!dropped) push("warn", `[log limit reached: console output after ${MAX_LOG_ENTRIES} entries was dropped]`);
        dropped = true;
        return;
      }
      const safeLevel = LEVELS.has(level as LogEntry["level"]) ? (level as LogEntry["level"]) : "log";
      entries.push({
        level: safeLevel,
        message: clean(String(message), cutInIsolate === true),
        at: Math.round(performance.now() - startedAt),
      });
    },
    /** Runner notes (such as an error's stack) go in even when the console filled the log. */
    push,
  };
}

export type LogCollector = ReturnType<typeof createLogCollector>;
