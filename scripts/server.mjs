// The HTTP server `npm start` runs (scripts/start.mjs loads it once the database is prepared and the
// build is current): Next.js as a custom server (https://nextjs.org/docs/app/guides/custom-server),
// one process and one port, with the project MCP endpoints taken off Next's router.
//
// /mcp/{org}/{project} and /mcp/{org}/{project}/draft are answered by the handler their route files
// register on globalThis when Next first loads them (lib/mcp/node-route.ts): the same handlers,
// from the same bundle, so the same guards, auth, limits and records, without Next's routing and
// stream adaptation. Every other request, and those endpoints' first one, goes to Next.
// ATELIER_MCP_NODE_PATH=off sends everything to Next (to compare both paths).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { requestListener } from "./request-listener.mjs";

const started = performance.now();
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const nodePath = process.env.ATELIER_MCP_NODE_PATH !== "off";

// instrumentation.ts's register() runs during prepare(), as under `next start`.
const app = next({ dev: false, dir: root, port, hostname: "localhost" });
await app.prepare();
const handleWithNext = app.getRequestHandler();

const server = createServer(requestListener(handleWithNext, { nodePath }));
// Idle keep-alive connections stay open 65 s (Node's default is 5 s): longer than a load balancer's
// or a client's own idle timeout (60 s is common), so a client never reuses a socket the server is
// closing at that instant, which it would see as ECONNRESET. Headers must be allowed longer still.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.once("error", (error) => {
  console.error(`Could not listen on port ${port}: ${error.message}`);
  process.exit(1);
});
// Signals: NEXT_MANUAL_SIG_HANDLE is set, and instrumentation.ts (lib/process/lifecycle.ts)
// drains running calls, writes buffered records and exits.
server.listen(port, () => {
  console.log(`   - Local: http://localhost:${port}`);
  console.log(` ✓ Ready in ${Math.round(performance.now() - started)}ms`);
});
