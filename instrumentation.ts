// Next.js calls register() once when a server process starts (next start, next dev).
//
// Graceful shutdown for execution records: `npm start` sets NEXT_MANUAL_SIG_HANDLE, so Next
// leaves SIGTERM/SIGINT to the handler installed here, which stops taking MCP requests, lets the
// running ones finish, writes every buffered record and exits (lib/executions/recorder-shutdown.ts).
export async function register() {
  // Only the Node.js server process records executions (Next's documented check; it also keeps
  // Node-only modules out of any edge bundle).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerShutdownWithNext } = await import("@/lib/executions/recorder-shutdown");
  registerShutdownWithNext();
}
