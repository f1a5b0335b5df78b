// Next.js calls register() once when a server process starts (next start, next dev).
//
// Graceful shutdown for execution records (lib/executions/recorder-shutdown.ts): `npm start` sets
// NEXT_MANUAL_SIG_HANDLE, so Next leaves SIGTERM/SIGINT to us, and the handler installed here
// stops taking MCP requests, lets the running ones finish, writes every buffered record and
// exits. Without it (`next dev`, or `next start` run by hand) Next exits on its own after closing
// its server; records are then written as soon as the signal arrives, which may race that exit.
export async function register() {
  // Only the Node.js server process records executions (the check is Next's documented idiom,
  // and keeps Node-only modules out of any edge bundle).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installShutdownHandlers } = await import("@/lib/executions/recorder-shutdown");
  const { flushExecutions } = await import("@/lib/executions/recorder");
  if (env().NEXT_MANUAL_SIG_HANDLE) {
    installShutdownHandlers();
    return;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushExecutions());
}
