// The project MCP endpoints served straight from node:http, without Next's router (scripts/server.mjs).
//
// Each route file (app/mcp/[org]/[project]/route.ts, …/draft/route.ts) registers its own exported
// handlers here when Next first loads it; from then on the custom server hands that route's
// requests to serveNodeMcpRoute instead of Next. The handlers are the very functions Next calls,
// from the same module instances (one copy of lib/: one database owner, one cache, one sandbox),
// so both paths run the same guards, auth, rate limits and recording. What this path saves is
// Next's routing and its Node ↔ Web stream adaptation: the body is read once from the socket
// under the size limit, and a JSON answer is written to the socket in one piece.
//
// Until a route has been loaded (the first request after a start), its requests go to Next.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import { MAX_MCP_BODY_BYTES, type PreReadBody } from "./request-guards";
import type { McpRoute } from "./with-mcp-guards";

type RouteHandlers = { POST: McpRoute; GET: McpRoute; DELETE: McpRoute; OPTIONS: (request: Request) => Response };
type Endpoint = "production" | "draft";
/** What the custom server finds on globalThis: `handle` answers the request and returns true, or returns false (Next's). */
type NodeMcpDispatcher = {
  handle: (req: IncomingMessage, res: ServerResponse) => boolean;
  routes: Partial<Record<Endpoint, RouteHandlers>>;
};

const DISPATCHER = Symbol.for("atelier.mcp");
// /mcp/{org}/{project} and /mcp/{org}/{project}/draft exactly; anything else (a trailing slash,
// the studio's /mcp/{org}, a doubled slash) is left to Next, which redirects or answers it.
const PATH = /^\/mcp\/([^/?#]+)\/([^/?#]+)(\/draft)?(?:\?.*)?$/;
const METHODS = new Set(["POST", "GET", "DELETE", "OPTIONS"]);

function dispatcher(): NodeMcpDispatcher {
  const holder = globalThis as { [DISPATCHER]?: NodeMcpDispatcher };
  holder[DISPATCHER] ??= {
    routes: {},
    handle(req, res) {
      if (!METHODS.has(req.method ?? "")) return false;
      const match = PATH.exec(req.url ?? "");
      const handlers = match ? this.routes[match[3] ? "draft" : "production"] : undefined;
      if (!match || !handlers) return false;
      let params: { org: string; project: string };
      try {
        params = { org: decodeURIComponent(match[1]), project: decodeURIComponent(match[2]) };
      } catch {
        return false;
      }
      serveNodeMcpRoute(handlers, req, res, params).catch((error: unknown) => failed(res, error));
      return true;
    },
  };
  return holder[DISPATCHER];
}

/** Called by a route file: from now on the custom server serves this endpoint's requests itself. */
export function registerNodeMcpRoute(endpoint: Endpoint, handlers: RouteHandlers) {
  dispatcher().routes[endpoint] = handlers;
}

async function serveNodeMcpRoute(
  handlers: RouteHandlers,
  req: IncomingMessage,
  res: ServerResponse,
  params: { org: string; project: string },
) {
  const method = req.method as "POST" | "GET" | "DELETE" | "OPTIONS";
  const port = req.socket.localPort;
  // As Next does for every request (node_modules/next/dist/server/base-server.js): the x-forwarded-*
  // headers are filled in when absent — the client's address is in X-Forwarded-For, which the
  // rate limits and records read — and request.url is built from Next's own hostname.
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  req.headers["x-forwarded-host"] ??= req.headers.host ?? "localhost";
  req.headers["x-forwarded-port"] ??= String(port ?? (encrypted ? 443 : 80));
  req.headers["x-forwarded-proto"] ??= encrypted ? "https" : "http";
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  // Aborted when the client goes away before the answer is complete (as Next's request.signal).
  const aborter = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) aborter.abort();
  });
  // A handler may answer before the whole body was read (413): the rest would be read as the next
  // request on this keep-alive connection, so the connection is dropped instead.
  res.once("finish", () => {
    if (!req.complete) req.destroy();
  });
  const url = `http://localhost:${port}${req.url}`;
  if (method === "OPTIONS") {
    req.resume();
    await writeResponse(res, handlers.OPTIONS(new Request(url, { method, headers, signal: aborter.signal })));
    return;
  }
  let body: PreReadBody | undefined;
  let request: Request;
  if (method === "POST") {
    body = await readBody(req);
    headers.delete("content-length");
    // The request carries no body: every reader takes the text the guards keep for it
    // (guardedBodyText), and the SDK gets the parsed message. Copying it into a stream here was
    // a measurable share of each call.
    request = new Request(url, { method, headers, signal: aborter.signal });
  } else {
    req.resume();
    request = new Request(url, { method, headers, signal: aborter.signal });
  }
  const response = await handlers[method](request, { params: Promise.resolve(params), body });
  await writeResponse(res, response);
}

/** The body as text, or tooLarge as soon as it exceeds the limit (declared or actual); the rest is left unread. */
function readBody(req: IncomingMessage): Promise<PreReadBody> {
  if (Number(req.headers["content-length"]) > MAX_MCP_BODY_BYTES) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_MCP_BODY_BYTES) {
        cleanup();
        req.pause();
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve({ tooLarge: false, text: chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8") });
    };
    const onError = (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(error.code === "ECONNRESET" || error.message === "aborted" ? new ClientWentAway(error) : error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** The client closed the connection before its request body was complete. */
class ClientWentAway extends Error {
  constructor(cause: NodeJS.ErrnoException) {
    super(`the client went away before its request was read (${cause.code ?? cause.message})`);
  }
}

// next.config.mjs's headers() add this to every answer Next gives, MCP routes included.
const NEXT_CONFIG_HEADERS: Array<[string, string]> = [["X-Frame-Options", "DENY"]];

/** A JSON (or empty) answer is written in one piece; a stream (SSE) chunk by chunk as it comes. */
async function writeResponse(res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  for (const [name, value] of NEXT_CONFIG_HEADERS) res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // Every answer here is JSON text. Handed over as a string, Node writes it to the socket in
    // the same write as the headers (a Buffer would be a second chunk of a writev).
    const text = await response.text();
    res.setHeader("content-length", Buffer.byteLength(text));
    res.end(text);
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  // The client may have gone before the answer began (its "close" already fired) or go while it
  // streams: either way the body is cancelled, so what it holds (serve-project.ts's releaseWhenSent
  // keeps the call's activity until then) is released.
  const onClose = () => {
    if (!res.writableFinished) reader.cancel().catch(() => {});
  };
  res.once("close", onClose);
  let finished = false;
  try {
    while (!res.destroyed) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      if (res.destroyed) break;
      if (!res.write(value)) await drainedOrClosed(res);
    }
  } finally {
    res.off("close", onClose);
    if (!finished) reader.cancel().catch(() => {});
  }
  res.end();
}

/** Resolves once the socket can take more, or is gone; neither listener outlives the wait (a slow client's long stream waits many times). */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      res.off("drain", settle);
      res.off("close", settle);
      resolve();
    };
    res.once("drain", settle);
    res.once("close", settle);
  });
}

/** Never a stack trace to the client: the error is logged, the client gets a JSON-RPC error. */
function failed(res: ServerResponse, error: unknown) {
  // A client that drops the connection mid-upload is routine: one line, no stack, nobody to answer.
  if (error instanceof ClientWentAway) {
    console.warn(`[mcp] ${error.message}`);
    res.destroy();
    return;
  }
  console.error("[mcp] request failed", error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  void writeResponse(res, jsonRpcErrorResponse(500, "Internal error: the MCP endpoint could not answer. Try again.")).catch(() =>
    res.destroy(),
  );
}
