// The custom server's request listener (scripts/server.mjs): the project MCP endpoints to the
// handler their route files registered on globalThis (lib/mcp/node-route.ts), everything else to
// Next. A request Next fails on (its handler rejects) is logged and answered 500, or cut if its
// answer had begun, instead of being left open until the client gives up.
const MCP = Symbol.for("atelier.mcp");

/**
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<unknown>} handleWithNext
 * @param {{ nodePath: boolean }} options
 */
export function requestListener(handleWithNext, { nodePath }) {
  return (/** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) => {
    if (nodePath && req.url?.startsWith("/mcp/") && globalThis[MCP]?.handle(req, res)) return;
    handleWithNext(req, res).catch((/** @type {unknown} */ error) => {
      console.error(`[server] ${req.method} ${req.url} failed`, error);
      // Half an answer is not made to look complete: the connection is dropped instead.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Internal Server Error");
    });
  };
}
