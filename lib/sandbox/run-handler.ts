import ivm from "isolated-vm";
import { readContentResult } from "./content-helper";
import { buildIsolateSource, HANDLER_FILENAME, HANDLER_FIRST_LINE, type IsolateOutcome } from "./isolate-source";
import { clampLimits, MAX_OUTPUT_BYTES } from "./limits";
import { createLogCollector, type LogCollector } from "./log-collector";
import { redactSecrets } from "./redact-secrets";
import { sandboxFetch } from "./sandbox-fetch";
import type { ContentBlock, SandboxEnv, SandboxErrorType, SandboxLimits, SandboxResult } from "./types";

export type RunHandlerOptions = {
  code: string;
  props: unknown;
  env: SandboxEnv;
  limits?: Partial<SandboxLimits>;
  allowedDomains: string[];
};

type Completion = { ok: true; output: unknown; content?: ContentBlock[] } | { ok: false; errorType: SandboxErrorType; message: string };

/**
 * Runs a Data Tool handler in a fresh isolate. Only async isolated-vm calls are used, so the
 * handler runs on an isolated-vm thread and a runaway handler never blocks the event loop; that
 * is also what lets a plain host timer enforce the wall-clock limit by disposing the isolate,
 * whether the handler is spinning in a loop or waiting on a promise that never settles.
 */
export async function runHandler(options: RunHandlerOptions): Promise<SandboxResult> {
  const limits = clampLimits(options.limits);
  const { secrets } = options.env;
  const startedAt = performance.now();
  const logs = createLogCollector({ startedAt, secrets });
  const calls = new AbortController();
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  let timedOut = false;
  const timer = setTimeout(() => {
    if (isolate.isDisposed) return;
    timedOut = true;
    calls.abort();
    isolate.dispose();
  }, limits.timeoutMs);
  const logReference = new ivm.Reference(logs.fromIsolate);
  const fetchReference = new ivm.Reference((url: unknown, init: unknown) =>
    sandboxFetch({ url, init, allowedDomains: options.allowedDomains, signal: calls.signal }),
  );

  let completion: Completion;
  try {
    const context = await isolate.createContext();
    const outcome: IsolateOutcome = await context.evalClosure(
      buildIsolateSource(options.code),
      [copyInto(options.props), copyInto(copyEnv(options.env)), logReference, fetchReference],
      { filename: HANDLER_FILENAME, lineOffset: 1 - HANDLER_FIRST_LINE, result: { promise: true, copy: true } },
    );
    completion = readOutcome(outcome, logs, options.code);
  } catch (error) {
    completion = describeFailure(error, { timedOut, isolateDisposed: isolate.isDisposed, limits });
  } finally {
    clearTimeout(timer);
    calls.abort();
    logReference.release();
    fetchReference.release();
    if (!isolate.isDisposed) isolate.dispose();
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

function describeFailure(error: unknown, state: { timedOut: boolean; isolateDisposed: boolean; limits: SandboxLimits }): Completion {
  const message = error instanceof Error ? error.message : String(error);
  if (state.timedOut) {
    return { ok: false, errorType: "timeout", message: `Handler timed out after ${state.limits.timeoutMs} ms` };
  }
  // isolated-vm disposes the isolate itself when the memory limit is hit.
  if (state.isolateDisposed && message.includes("memory limit")) {
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

function copyInto(value: unknown) {
  return new ivm.ExternalCopy(value).copyInto({ release: true });
}
