// Writes every buffered execution record when the process stops (a "flush" shutdown hook, see
// lib/process/lifecycle.ts): by then running calls have finished and handed over their records.
import "server-only";
import { executionBacklog, FLUSH_INTERVAL_MS, flushExecutions } from "./recorder";

const FLUSH_TIMEOUT_MS = 10_000;

export async function flushBufferedExecutions(): Promise<void> {
  const deadline = Date.now() + FLUSH_TIMEOUT_MS;
  await flushExecutions();
  // A failing database is retried a few times, bounded.
  while (executionBacklog() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 2));
    await flushExecutions();
  }
  if (executionBacklog() > 0) console.error(`[executions] ${executionBacklog()} execution records could not be written before shutdown`);
}
