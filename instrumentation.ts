// Next.js calls register() once when a server process starts (next start, next dev): shutdown
// hooks, background jobs and signal handling live in lib/process/start-server-process.ts.
export async function register() {
  // Only the Node.js server process (Next's documented check; it also keeps Node-only modules out
  // of any edge bundle).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("@/lib/process/start-server-process");
  startServerProcess();
}
