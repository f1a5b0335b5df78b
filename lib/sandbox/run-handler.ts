import { setMaxListeners } from "node:events";
import { sandboxConfig } from "@/lib/env";
import { onShutdown } from "@/lib/process/lifecycle";
import { readContentResult } from "./content-helper";
import { createFetchBudget } from "./fetch-budget";
import { buildIsolateSource, HANDLER_FILENAME, HANDLER_FIRST_LINE, type IsolateOutcome } from "./isolate-source";
import { clampLimits, MAX_ERROR_MESSAGE_CHARS, MAX_OUTPUT_BYTES, SANDBOX_LIMITS } from "./limits";
import { createInlineIsolates } from "./inline-isolates";
import { createIsolatePool, type IsolatePool } from "./isolate-pool";
import { createIsolateSlots, type IsolateSlots, SandboxBusy, SlotWaitCancelled } from "./isolate-slots";
import { createLogCollector, type LogCollector } from "./log-collector";
import type { NetworkPolicy } from "./network-policy";
import { redactSecrets } from "./redact-secrets";
import { sandboxFetch } from "./sandbox-fetch";
import type { ContentBlock, McpEventListener, SandboxEnv, SandboxErrorType, SandboxLimits, SandboxResult } from "./types";

export type RunHandlerOptions = {
  code: string;
  props: unknown;
  env: SandboxEnv;
  limits?: Partial<SandboxLimits>;
  allowedDomains: string[];
  /** Defaults to the operator's configuration (ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS) and the system resolver. */
  network?: Partial<NetworkPolicy>;
  /** Defaults to the process-wide bound (ATELIER_SANDBOX_MAX_CONCURRENT / _MAX_QUEUED). */
  slots?: IsolateSlots;
  /** Defaults to the process's worker threads (ATELIER_SANDBOX_WORKERS). */
  pool?: IsolatePool;
  /** Receives `mcp.log` and `mcp.progress` calls as they happen (they are in `logs` too). */
  onMcpEvent?: McpEventListener;
  /**
   * The caller's cancellation (e.g. the client cancelled the request): the call stops as on a
   * timeout — its fetches are aborted and its isolate disposed — and answers `cancelled`.
   */
  signal?: AbortSignal;
};

const CANCELLED_MESSAGE = "Cancelled by the client";
const CALL_ENDED = new DOMException("The handler finished or ran out of time", "AbortError");

type Completion = { ok: true; output: unknown; content?: ContentBlock[] } | { ok: false; errorType: SandboxErrorType; message: string };

/**
 * Runs a Data Tool handler in a fresh isolate — one no code ever ran in, disposed after the call —
 * taken from a sandbox worker thread (isolate-pool.ts), so creating and disposing it costs the
 * main thread nothing. The handler runs on an isolated-vm thread and a runaway handler never
 * blocks an event loop; that is also what lets a plain host timer enforce the wall-clock limit by
 * having the worker dispose the isolate, whether the handler is spinning in a loop or waiting on
 * a promise that never settles.
 */
export async function runHandler(options: RunHandlerOptions): Promise<SandboxResult> {
  const limits = clampLimits(options.limits);
  const startedAt = performance.now();
  const refused = (errorType: SandboxErrorType, message: string): SandboxResult => ({
    ok: false,
    errorType,
    message,
    logs: [],
    durationMs: Math.round(performance.now() - startedAt),
  });
  if (options.signal?.aborted) return refused("cancelled", CANCELLED_MESSAGE);
  let release: () => void;
  try {
    // Waiting for a slot is bounded by the call's own time limit.
    release = await (options.slots ?? processSlots()).acquire({
      organizationId: options.env.organizationId,
      maxWaitMs: limits.timeoutMs,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof SlotWaitCancelled) return refused("cancelled", CANCELLED_MESSAGE);
    if (!(error instanceof SandboxBusy)) throw error;
    return refused("busy", error.message);
  }
  try {
    return await runInIsolate(options, limits, startedAt);
  } finally {
    release();
  }
}

async function runInIsolate(options: RunHandlerOptions, limits: SandboxLimits, startedAt: number): Promise<SandboxResult> {
  const { secrets } = options.env;
  const logs = createLogCollector({ startedAt, secrets, onMcpEvent: options.onMcpEvent });
  const calls = new AbortController();
  // Every fetch in flight or waiting for its turn listens to this signal. It is aborted with one
  // shared reason: building an AbortError per call was a measurable share of the MCP hot path.
  setMaxListeners(0, calls.signal);
  const network: NetworkPolicy = {
    allowPrivateNetworks: options.network?.allowPrivateNetworks ?? sandboxConfig().ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS,
    resolveHost: options.network?.resolveHost,
  };
  // Response bytes held on the host for this call count against the tool's memory limit.
  const budget = createFetchBudget({ maxBufferedBytes: limits.memoryMb * 1024 * 1024 });

  // The isolate lives in a worker thread (isolate-pool.ts); console output, `mcp` events and
  // fetches come back here, where they are capped, redacted and checked as before.
  const execution = (options.pool ?? processPool()).run(
    {
      source: buildIsolateSource(options.code),
      props: options.props,
      env: copyEnv(options.env),
      memoryMb: limits.memoryMb,
      // Also enforced by isolated-vm's own watchdog in the worker, off every event loop: a loop in
      // the handler's synchronous part dies on time even when the host's timer would fire late.
      timeoutMs: limits.timeoutMs,
      filename: HANDLER_FILENAME,
      lineOffset: 1 - HANDLER_FIRST_LINE,
    },
    {
      log: (level, message, cut, mcpEvent) => logs.fromIsolate(level, message, cut, mcpEvent),
      fetch: (url, init) => sandboxFetch({ url, init, allowedDomains: options.allowedDomains, network, budget, signal: calls.signal }),
    },
  );
  let stopped: "timeout" | "cancelled" | undefined;
  const stop = (reason: "timeout" | "cancelled") => {
    if (stopped) return;
    stopped = reason;
    calls.abort(CALL_ENDED);
    execution.stop();
  };
  const timer = setTimeout(() => stop("timeout"), limits.timeoutMs);
  const onAbort = () => stop("cancelled");
  options.signal?.addEventListener("abort", onAbort, { once: true });

  let completion: Completion;
  try {
    const reply = await execution.reply;
    if (reply.kind === "outcome") completion = readOutcome(reply.outcome, logs, options.code);
    else if (reply.kind === "failed")
      completion = describeFailure(reply.message, { stopped, isolateDisposed: reply.isolateDisposed, limits });
    else
      completion = stopped
        ? describeFailure(reply.message, { stopped, isolateDisposed: true, limits })
        : { ok: false, errorType: "runtime", message: reply.message };
  } catch (error) {
    // Invalid content blocks land here; only the message is kept, so no host stack trace leaks.
    completion = describeFailure(error instanceof Error ? error.message : String(error), { stopped, isolateDisposed: false, limits });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    calls.abort(CALL_ENDED);
  }

  const durationMs = Math.round(performance.now() - startedAt);
  if (completion.ok) return { ...completion, logs: logs.entries, durationMs };
  return { ...completion, message: redactSecrets(completion.message, secrets), logs: logs.entries, durationMs };
}

function readOutcome(outcome: IsolateOutcome, logs: LogCollector, code: string): Completion {
  switch (outcome.kind) {
    case "output":
    case "content":
      if (Buffer.byteLength(outcome.json) > MAX_OUTPUT_BYTES) return outputTooLarge();
      return outcome.kind === "output"
        ? { ok: true, output: JSON.parse(outcome.json) }
        : { ok: true, ...readContentResult(JSON.parse(outcome.json)) };
    case "too_large":
      return outputTooLarge();
    case "error":
      if (outcome.stack) logs.push("error", `Uncaught ${shortenStack(outcome.stack, code)}`);
      return { ok: false, errorType: "runtime", message: outcome.message };
  }
}

function describeFailure(
  failure: string,
  state: { stopped: "timeout" | "cancelled" | undefined; isolateDisposed: boolean; limits: SandboxLimits },
): Completion {
  const message = failure.slice(0, MAX_ERROR_MESSAGE_CHARS);
  if (state.stopped === "cancelled") return { ok: false, errorType: "cancelled", message: CANCELLED_MESSAGE };
  if (state.stopped === "timeout" || message === "Script execution timed out.") {
    return { ok: false, errorType: "timeout", message: `Handler timed out after ${state.limits.timeoutMs} ms` };
  }
  // isolated-vm disposes the isolate itself when the memory limit is hit (and the runner only
  // disposes it on a timeout or once the call is over), whatever the message it rejects with:
  // "…due to memory limit", or "Promise was abandoned" for a host call it was waiting on.
  if (state.isolateDisposed) {
    return { ok: false, errorType: "memory", message: `Handler exceeded its memory limit of ${state.limits.memoryMb} MB` };
  }
  // Errors thrown while the handler is being defined, and invalid content blocks, land here;
  // only the message is kept, so no host stack trace leaks into the result.
  return { ok: false, errorType: "runtime", message };
}

function outputTooLarge(): Completion {
  const limitMb = MAX_OUTPUT_BYTES / 1024 / 1024;
  return { ok: false, errorType: "output_too_large", message: `Handler output is larger than ${limitMb} MB once serialised` };
}

// Keeps only frames inside the user's code: the runner's own frames would just be noise.
function shortenStack(stack: string, code: string): string {
  const codeLines = code.split("\n").length;
  const isUserFrame = (line: string) => {
    const position = /handler\.js:(-?\d+):\d+\)?$/.exec(line);
    return position !== null && Number(position[1]) >= 1 && Number(position[1]) <= codeLines;
  };
  return stack
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("at ") || isUserFrame(line))
    .slice(0, 6)
    .join("\n");
}

function copyEnv(env: SandboxEnv): SandboxEnv {
  const { secrets, organizationId, projectId, environment, locale } = env;
  return { secrets: { ...secrets }, organizationId, projectId, environment, locale };
}

// On globalThis: Next may load this module more than once (one copy per bundle layer, and the
// MCP routes' own server), and one bound and one set of worker threads must serve them all.
const shared = globalThis as { __atelierSandboxPool?: IsolatePool; __atelierSandboxSlots?: IsolateSlots };

function processPool(): IsolatePool {
  if (shared.__atelierSandboxPool) return shared.__atelierSandboxPool;
  const config = sandboxConfig();
  const workers = config.ATELIER_SANDBOX_WORKERS;
  if (workers === 0) {
    shared.__atelierSandboxPool = createInlineIsolates();
    return shared.__atelierSandboxPool;
  }
  const pool = createIsolatePool({
    workers,
    // Enough ready isolates for every slot to start at once, spread over the workers.
    readyPerLimit: Math.min(4, Math.ceil(config.ATELIER_SANDBOX_MAX_CONCURRENT / workers)),
    defaultMemoryMb: SANDBOX_LIMITS.memoryMb.default,
  });
  shared.__atelierSandboxPool = pool;
  onShutdown("sandbox workers", () => pool.terminate(), { phase: "close" });
  return pool;
}

function processSlots(): IsolateSlots {
  const config = sandboxConfig();
  shared.__atelierSandboxSlots ??= createIsolateSlots({
    maxConcurrent: config.ATELIER_SANDBOX_MAX_CONCURRENT,
    maxQueued: config.ATELIER_SANDBOX_MAX_QUEUED,
  });
  return shared.__atelierSandboxSlots;
}
