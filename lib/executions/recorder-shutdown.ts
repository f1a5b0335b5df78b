// Graceful shutdown for the execution recorder: no record of a call that got its answer is lost
// when the process is stopped with SIGTERM or SIGINT.
//
// How `next start` (Next 16) stops: on SIGTERM/SIGINT it closes its HTTP server, waits for
// pending requests and `after()` work, then calls process.exit — with no hook for the app, so an
// asynchronous flush started from our own signal listener would race that exit. With
// NEXT_MANUAL_SIG_HANDLE set, Next installs no handler at all and leaves the signals to the app.
// `npm start` (scripts/start.mjs) sets it, and instrumentation.ts installs the handler below:
//   1. stop taking MCP requests: serveProject answers 503 with Retry-After (a proxy or host retries
//      on another instance; the tool never ran, so there is nothing to record);
//   2. wait for the MCP requests already running to finish (bounded: the longest tool timeout);
//   3. write every buffered record (retrying a failing database a few times, bounded);
//   4. close the database (the embedded one writes its last pages) and exit, with the code Next
//      itself uses (128 + signal).
// Studio pages still being served at step 4 are cut, as they would be by any process exit.
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { executionBacklog, FLUSH_INTERVAL_MS, flushExecutions } from "./recorder";

const DRAIN_TIMEOUT_MS = 65_000; // the sandbox's longest tool timeout (60 s), plus margin
const FLUSH_TIMEOUT_MS = 10_000;
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const REPEAT_MEANS_NOW_MS = 2_000;
const LINGER_MS = 250;

type State = { shuttingDown: boolean; active: number; idle: Array<() => void>; installed: boolean };
const state: State = ((globalThis as { __atelierShutdown?: State }).__atelierShutdown ??= {
  shuttingDown: false,
  active: 0,
  idle: [],
  installed: false,
});

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

/** Marks work that may still produce an execution record; call the returned function (any number of times) when it is done. */
export function beginActivity(): () => void {
  state.active++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    state.active--;
    if (state.active === 0) for (const resolve of state.idle.splice(0)) resolve();
  };
}

function whenIdle(timeoutMs: number): Promise<boolean> {
  if (state.active === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    state.idle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops taking MCP requests, waits for running ones, and writes every buffered record. */
export async function drainExecutions(): Promise<void> {
  state.shuttingDown = true;
  if (!(await whenIdle(DRAIN_TIMEOUT_MS))) {
    console.error(
      `[executions] ${state.active} MCP requests were still running after ${DRAIN_TIMEOUT_MS / 1000} s; shutting down without them`,
    );
  }
  const deadline = Date.now() + FLUSH_TIMEOUT_MS;
  await flushExecutions();
  while (executionBacklog() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 2));
    await flushExecutions();
  }
  if (executionBacklog() > 0) console.error(`[executions] ${executionBacklog()} execution records could not be written before shutdown`);
}

/** Installs the SIGTERM/SIGINT handler once per process (instrumentation.ts, the test instance server). */
export function installShutdownHandlers() {
  if (state.installed) return;
  state.installed = true;
  let stoppingSince: number | null = null;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stoppingSince !== null) {
        // Ctrl+C reaches both `npm start` and this process, which forwards it: the same signal
        // twice at once. Asked again later, while still draining, means "now".
        if (Date.now() - stoppingSince > REPEAT_MEANS_NOW_MS) process.exit(EXIT_CODES[signal]);
        return;
      }
      stoppingSince = Date.now();
      console.log(`[executions] ${signal}: finishing running MCP calls and writing their records before exiting`);
      void drainExecutions()
        // The last answers were handed to their sockets when the calls finished; give Node a
        // moment to write them out before the process (and its sockets) goes away.
        .then(() => new Promise((resolve) => setTimeout(resolve, LINGER_MS)))
        .then(() => closeDb())
        .catch((error: unknown) => console.error("[executions] closing the database failed", error))
        .finally(() => process.exit(EXIT_CODES[signal]));
    });
  }
}

/**
 * For instrumentation.ts. With NEXT_MANUAL_SIG_HANDLE (set by `npm start`) the handler above owns
 * shutdown. Without it (`next dev`, or `next start` run by hand) Next exits on its own after
 * closing its server; the buffer is then written as soon as the signal arrives, which may lose
 * the race with that exit.
 */
export function registerShutdownWithNext() {
  if (env().NEXT_MANUAL_SIG_HANDLE) {
    installShutdownHandlers();
    return;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushExecutions());
}
