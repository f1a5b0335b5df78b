// The server process's lifecycle: work in flight, and what happens when it is asked to stop.
//
// How `next start` (Next 16) stops: on SIGTERM/SIGINT it closes its HTTP server, waits for
// pending requests and `after()` work, then calls process.exit — with no hook for the app, so an
// asynchronous flush started from our own signal listener would race that exit. With
// NEXT_MANUAL_SIG_HANDLE set, Next installs no handler at all and leaves the signals to the app.
// `npm start` (scripts/start.mjs) sets it, and lib/process/start-server-process.ts installs the
// handler below, which:
//   1. marks the process as shutting down (the MCP routes answer 503 with Retry-After: a proxy or
//      host retries on another instance; the tool never ran, so there is nothing to record);
//   2. waits for the activities already running to finish (bounded: the longest tool timeout);
//   3. runs the "flush" hooks (e.g. writing buffered execution records), then the "close" hooks
//      (stopping background jobs, closing the database), each bounded and logged on failure;
//   4. exits with the code Next itself uses (128 + signal).
// Studio pages still being served at step 4 are cut, as they would be by any process exit.
import "server-only";

const DRAIN_TIMEOUT_MS = 65_000; // the sandbox's longest tool timeout (60 s), plus margin
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const REPEAT_MEANS_NOW_MS = 2_000;
// The last answers were handed to their sockets when their work finished; give Node a moment to
// write them out before the process (and its sockets) goes away.
const LINGER_MS = 250;

type ShutdownPhase = "flush" | "close";
type ShutdownHook = { name: string; phase: ShutdownPhase; run: () => Promise<void> };
type State = { shuttingDown: boolean; active: number; idle: Array<() => void>; hooks: ShutdownHook[]; installed: boolean };

// On globalThis: Next may load this module more than once (one copy per bundle layer), and every
// copy must see the same state.
const state: State = ((globalThis as { __atelierLifecycle?: State }).__atelierLifecycle ??= {
  shuttingDown: false,
  active: 0,
  idle: [],
  hooks: [],
  installed: false,
});

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

/** Marks work that must finish before the process exits; call the returned function (any number of times) when it is done. */
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

/** How many activities are running now (work a graceful shutdown would wait for). */
export function runningActivities(): number {
  return state.active;
}

/**
 * Registers work to do when the process stops: "flush" hooks run first (after running activities
 * finished), then "close" hooks. Registering the same name again replaces the hook.
 */
export function onShutdown(name: string, run: () => Promise<void>, options: { phase?: ShutdownPhase } = {}) {
  state.hooks = state.hooks.filter((hook) => hook.name !== name);
  state.hooks.push({ name, phase: options.phase ?? "flush", run });
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

async function runHooks(phase: ShutdownPhase) {
  for (const hook of state.hooks.filter((candidate) => candidate.phase === phase)) {
    try {
      await hook.run();
    } catch (error) {
      console.error(`[shutdown] ${hook.name} failed`, error);
    }
  }
}

/** Stops taking work, waits for running activities, then runs every shutdown hook. Does not exit. */
export async function shutDown(): Promise<void> {
  state.shuttingDown = true;
  if (!(await whenIdle(DRAIN_TIMEOUT_MS))) {
    console.error(`[shutdown] ${state.active} activities were still running after ${DRAIN_TIMEOUT_MS / 1000} s; stopping without them`);
  }
  await runHooks("flush");
  await new Promise((resolve) => setTimeout(resolve, LINGER_MS));
  await runHooks("close");
}

/** Installs the SIGTERM/SIGINT handler once per process. */
export function installShutdownHandlers() {
  if (state.installed) return;
  state.installed = true;
  let stoppingSince: number | null = null;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stoppingSince !== null) {
        // Ctrl+C reaches both `npm start` and this process, which forwards it: the same signal
        // twice at once. Asked again later, while still stopping, means "now".
        if (Date.now() - stoppingSince > REPEAT_MEANS_NOW_MS) process.exit(EXIT_CODES[signal]);
        return;
      }
      stoppingSince = Date.now();
      console.log(`[executions] ${signal}: finishing running MCP calls and writing their records before exiting`);
      void shutDown().finally(() => process.exit(EXIT_CODES[signal]));
    });
  }
}
