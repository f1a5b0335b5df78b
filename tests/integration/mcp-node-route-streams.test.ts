// How the node path (lib/mcp/node-route.ts) writes a streamed (SSE) answer to a client that goes
// away or reads slowly. The endpoint's handlers are stand-ins here, registered as the route files
// register theirs, so the test decides exactly when the client leaves and how much is streamed;
// the handlers the route files registered before (other files share this process) are put back.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerNodeMcpRoute } from "@/lib/mcp/node-route";
import { beginActivity, runningActivities } from "@/lib/process/lifecycle";

type Handlers = Parameters<typeof registerNodeMcpRoute>[1];
type Dispatcher = {
  handle: (req: IncomingMessage, res: ServerResponse) => boolean;
  routes: Partial<Record<"production" | "draft", Handlers>>;
};

const dispatcher = () => (globalThis as { [key: symbol]: Dispatcher | undefined })[Symbol.for("atelier.mcp")];
const PATH = "/mcp/some-org/some-project";
const BODY = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "wait", arguments: {} } });
const SSE = { "Content-Type": "text/event-stream" };

/** An SSE answer with one progress event ready and the rest never coming; `onCancel` runs when the server cancels it. */
function progressAnswer(onCancel: () => void): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('event: message\ndata: {"jsonrpc":"2.0","method":"notifications/progress"}\n\n'));
    },
    cancel: onCancel,
  });
  return new Response(body, { headers: SSE });
}
const encoder = new TextEncoder();

let server: Server;
let port: number;
let previous: Handlers | undefined;
let answer: (request: Request) => Promise<Response>;
let lastResponse: ServerResponse | undefined;

// Every method answers what the test in progress set `answer` to.
const STAND_INS: Handlers = {
  POST: (request) => answer(request),
  GET: (request) => answer(request),
  DELETE: (request) => answer(request),
  OPTIONS: () => new Response(null, { status: 204 }),
};

beforeAll(async () => {
  // Registered before this file ran (the route files, loaded by other files): put back afterwards.
  previous = dispatcher()?.routes.production;
  registerNodeMcpRoute("production", STAND_INS);
  server = createServer((req, res) => {
    lastResponse = res;
    if (dispatcher()?.handle(req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  const routes = dispatcher()?.routes;
  if (routes) {
    if (previous) routes.production = previous;
    else delete routes.production;
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A POST sent whole, then the connection closed before any answer. */
function postAndLeave(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: PATH, method: "POST", headers: { "Content-Type": "application/json" } });
    req.on("error", () => {}); // destroyed on purpose
    req.end(BODY, () => {
      req.destroy();
      resolve();
    });
    req.on("response", () => reject(new Error("answered before the client left")));
  });
}

describe("the node path's streamed answers", () => {
  it("cancels the stream of a client that left before the answer began, so its call's activity ends", async () => {
    const before = runningActivities();
    let cancelled = false;
    // As serve-project.ts's releaseWhenSent: the call's activity ends when its answer is sent or cancelled.
    answer = async (request) => {
      const done = beginActivity();
      // The close may already have been seen (then no abort event is to come).
      if (!request.signal.aborted) await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }));
      // The client is gone; the answer has a first event ready and the rest still to come.
      return progressAnswer(() => {
        cancelled = true;
        done();
      });
    };
    await postAndLeave();
    await vi.waitFor(() => expect(cancelled).toBe(true), { timeout: 5_000 });
    expect(runningActivities()).toBe(before);
  });

  it("cancels the stream of a client that leaves while it waits for the next event", async () => {
    const before = runningActivities();
    let cancelled = false;
    answer = async () => {
      const done = beginActivity();
      return progressAnswer(() => {
        cancelled = true;
        done();
      });
    };
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: PATH, method: "POST", headers: { "Content-Type": "application/json" } });
      req.on("error", () => {});
      req.on("response", (response) => {
        response.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("close", () => reject(new Error("closed before the first event")));
      req.end(BODY);
    });
    await vi.waitFor(() => expect(cancelled).toBe(true), { timeout: 5_000 });
    expect(runningActivities()).toBe(before);
  });

  it("leaves no listener behind for each time a slow client's socket is full", async () => {
    const CHUNKS = 200;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let sent = 0;
    answer = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ === CHUNKS) controller.close();
            else controller.enqueue(chunk);
          },
        }),
        { headers: SSE },
      );
    let drains = 0;
    let mostCloseListeners = 0;
    const received = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: PATH, method: "POST", headers: { "Content-Type": "application/json" } });
      req.on("error", reject);
      req.on("response", (response) => {
        const res = lastResponse as ServerResponse;
        res.on("drain", () => {
          drains++;
          mostCloseListeners = Math.max(mostCloseListeners, res.listenerCount("close"));
        });
        let bytes = 0;
        response.on("data", (data: Buffer) => {
          bytes += data.length;
        });
        response.on("end", () => resolve(bytes));
      });
      req.end(BODY);
    });
    expect(received).toBe(CHUNKS * chunk.length);
    expect(drains).toBeGreaterThan(CHUNKS / 2);
    // Node's own and the node path's: a handful, not one more per wait.
    expect(mostCloseListeners).toBeLessThan(10);
  });
});
