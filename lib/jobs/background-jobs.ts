// The home of periodic work. Jobs are listed here and started once per server process by
// lib/process/start-server-process.ts (from instrumentation.ts); each run happens under a database
// advisory lock (run-exclusively.ts), so with several instances one of them does the work at a
// time. Timers are unref'd (they never keep a process alive) and stopped on shutdown. A failing
// run is logged and tried again at the next interval.
//
// To add a job: write its work as a function in lib/jobs/ that takes its lock through
// runExclusively, and add an entry below.
import "server-only";
import { env } from "@/lib/env";
import { applyRetention } from "./retention";

type Job = { name: string; intervalMs: number; firstRunAfterMs: number; run: () => Promise<unknown> };

const HOUR_MS = 60 * 60 * 1000;

function jobs(): Job[] {
  const config = env();
  return [
    {
      name: "retention",
      intervalMs: HOUR_MS,
      firstRunAfterMs: 60_000, // not while the server is still warming up
      run: () =>
        applyRetention({
          policy: { executionDays: config.ATELIER_EXECUTION_RETENTION_DAYS, auditDays: config.ATELIER_AUDIT_RETENTION_DAYS },
        }),
    },
  ];
}

type State = { started: boolean; timers: Set<NodeJS.Timeout>; running: Set<Promise<unknown>> };
const state: State = ((globalThis as { __atelierJobs?: State }).__atelierJobs ??= {
  started: false,
  timers: new Set(),
  running: new Set(),
});

function schedule(job: Job, delayMs: number) {
  const timer = setTimeout(() => {
    const run = job
      .run()
      .catch((error: unknown) => console.error(`[jobs] ${job.name} failed; trying again in ${job.intervalMs / 60_000} min`, error))
      .finally(() => {
        state.running.delete(run);
        if (state.started) schedule(job, job.intervalMs);
      });
    state.timers.delete(timer);
    state.running.add(run);
  }, delayMs);
  timer.unref();
  state.timers.add(timer);
}

export function startBackgroundJobs() {
  if (state.started) return;
  state.started = true;
  for (const job of jobs()) schedule(job, job.firstRunAfterMs);
}

/** Cancels future runs and waits for the ones under way (a "close" shutdown hook, before the database closes). */
export async function stopBackgroundJobs() {
  state.started = false;
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  await Promise.allSettled([...state.running]);
}
