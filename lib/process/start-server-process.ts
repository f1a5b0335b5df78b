// What a server process does once at start (instrumentation.ts; the integration tests' instance
// server): register what must happen when it stops, start the background jobs, and take over
// SIGTERM/SIGINT when `npm start` asked for it.
import "server-only";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { flushBufferedExecutions } from "@/lib/executions/flush-on-shutdown";
import { flushExecutions } from "@/lib/executions/recorder";
import { startBackgroundJobs, stopBackgroundJobs } from "@/lib/jobs/background-jobs";
import { closeRedis } from "@/lib/redis";
import { installShutdownHandlers, onShutdown } from "./lifecycle";

export function startServerProcess(options: { handleSignals?: boolean } = {}) {
  onShutdown("execution records", flushBufferedExecutions);
  onShutdown("background jobs", stopBackgroundJobs, { phase: "close" });
  onShutdown("database", closeDb, { phase: "close" });
  onShutdown("redis", closeRedis, { phase: "close" });
  startBackgroundJobs();
  if (options.handleSignals ?? Boolean(env().NEXT_MANUAL_SIG_HANDLE)) {
    installShutdownHandlers();
    return;
  }
  // Without NEXT_MANUAL_SIG_HANDLE (`next dev`, or `next start` run by hand) Next exits on its own
  // after closing its server; the buffer is then written as soon as the signal arrives, which may
  // lose the race with that exit.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushExecutions());
}
