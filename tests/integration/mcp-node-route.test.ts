// The MCP endpoints as `npm start` serves them: a plain node:http server dispatching to the handlers
// the route files register (lib/mcp/node-route.ts), exactly as scripts/server.mjs does, driven by
// the real SDK client, and answering every refusal as the route handlers do under Next's router
// (startRouteServer, the Web Request path).
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { MAX_MCP_BODY_BYTES } from "@/lib/mcp/request-guards";
import { runningActivities } from "@/lib/process/lifecycle";
import { requestListener } from "../../scripts/request-listener.mjs";
import { connectClient, createDraftProject, startRouteServer, type Era, type TestHttpServer } from "./mcp-helpers";

let nodeServer: Server;
let nodeOrigin: string;
let routeServer: TestHttpServer;
let projectId: string;
let draftPath: string;
let productionPath: string;
let token: string;

beforeAll(async () => {
  // Importing the route files registers their handlers, as Next's first load of them does.
  expect(draftRoute.POST).toBeTypeOf("function");
  expect(productionRoute.POST).toBeTypeOf("function");
  const created = await createDraftProject({
    tools: [
      {
        name: "add",
        kind: "data",
        inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } } },
        handler: "async (props) => ({ sum: props.a + props.b })",
      },
      // Reports progress (so its answer is a stream), then waits until its time limit.
      { name: "wait", kind: "data", timeoutMs: 1_000, handler: "async () => { mcp.progress(1); await new Promise(() => {}); }" },
    ],
  });
  token = created.token;
  projectId = created.project.id;
  draftPath = created.draftPath;
  productionPath = `/mcp/${created.fixture.organization.slug}/${created.project.slug}`;

  // scripts/server.mjs's listener; what it does not take would go to Next (here: 404).
  nodeServer = createServer(
    requestListener(
      async (_req, res) => {
        res.statusCode = 404;
        res.end("not an MCP endpoint: Next's");
      },
      { nodePath: true },
    ),
  );
  await new Promise<void>((resolve) => nodeServer.listen(0, "127.0.0.1", resolve));
  nodeOrigin = `http://127.0.0.1:${(nodeServer.address() as AddressInfo).port}`;
  routeServer = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
});

afterAll(async () => {
  nodeServer.closeAllConnections();
  await new Promise((resolve) => nodeServer.close(resolve));
  await routeServer.close();
});

describe.each<Era>(["modern", "legacy"])("the node path with the SDK client (%s era)", (era) => {
  it("lists and calls tools, and records the call", async () => {
    const client = await connectClient({ url: `${nodeOrigin}${draftPath}`, token, era });
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["add", "wait"]);
      const result = await client.callTool({ name: "add", arguments: { a: 2, b: era === "modern" ? 3 : 4 } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ sum: era === "modern" ? 5 : 6 });
    } finally {
      await client.close();
    }
    await flushExecutions();
    const records = await db.execution.findMany({ where: { projectId, toolName: "add" } });
    expect(records.filter((record) => record.status === "SUCCESS").length).toBe(era === "modern" ? 1 : 2);
  });
});

const INIT = { jsonrpc: "2.0", id: 7, method: "tools/list", params: {} };
const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };

type Answer = { status: number; headers: Record<string, string>; body: unknown };

async function send(origin: string, path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${origin}${path}`, init);
  const text = await response.text();
  const headers: Record<string, string> = {};
  for (const name of [
    "content-type",
    "www-authenticate",
    "access-control-allow-origin",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-expose-headers",
    "vary",
    "retry-after",
  ]) {
    const value = response.headers.get(name);
    // The 401 challenge names the endpoint's metadata by the origin the client used (each server's own port).
    if (value !== null) headers[name] = value.replaceAll(origin, "{origin}");
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers, body };
}

/** The same request to both servers: the node path must answer exactly as the route handler does. */
async function bothAnswer(path: () => string, init: () => RequestInit): Promise<Answer> {
  const viaNode = await send(nodeOrigin, path(), init());
  const viaRoute = await send(routeServer.origin, path(), init());
  expect(viaNode).toEqual(viaRoute);
  return viaNode;
}

describe("the node path answers refusals as the route handlers do", () => {
  it("413 for an oversized body", async () => {
    const big = JSON.stringify({ ...INIT, params: { padding: "x".repeat(MAX_MCP_BODY_BYTES) } });
    const answer = await bothAnswer(
      () => draftPath,
      () => ({ method: "POST", headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` }, body: big }),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } });
  });

  it("413 for a chunked body (no Content-Length) over the limit, and the connection is dropped", async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const answer = await new Promise<{ status: number; text: string; socket: import("node:net").Socket }>((resolve) => {
        const req = httpRequest(`${nodeOrigin}${draftPath}`, {
          method: "POST",
          agent,
          headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}`, "Transfer-Encoding": "chunked" },
        });
        req.on("error", () => {}); // the server drops the connection while this is still uploading
        req.on("response", (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text, socket: req.socket as import("node:net").Socket }));
        });
        req.write('{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"padding":"');
        // Twice the limit, and never ended: only the limit stops the server reading.
        const chunk = Buffer.alloc(64 * 1024, "x");
        for (let sent = 0; sent <= 2 * MAX_MCP_BODY_BYTES; sent += chunk.length) req.write(chunk);
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } });
      // The unread rest is not taken as this keep-alive connection's next request: it is closed.
      await expect.poll(() => answer.socket.destroyed, { timeout: 5_000 }).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("logs one line, without a stack, for a client that drops the connection mid-upload", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await new Promise<void>((resolve) => {
        const req = httpRequest(`${nodeOrigin}${draftPath}`, {
          method: "POST",
          headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}`, "Content-Length": "1000" },
        });
        req.on("error", () => {});
        req.write('{"jsonrpc":"2.0",', () => {
          req.destroy();
          resolve();
        });
      });
      await expect.poll(() => warn.mock.calls).toContainEqual(["[mcp] the client went away before its request was read (ECONNRESET)"]);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it("a JSON-RPC parse error for malformed JSON, without a stack trace", async () => {
    const answer = await bothAnswer(
      () => draftPath,
      () => ({ method: "POST", headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` }, body: '{"jsonrpc": "2.0", "id": 1,' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ jsonrpc: "2.0", error: { code: -32700 } });
    expect(JSON.stringify(answer.body)).not.toMatch(/\n\s+at /);
  });

  it("403 with the request's id for a refused origin", async () => {
    const answer = await bothAnswer(
      () => draftPath,
      () => ({ method: "POST", headers: { ...JSON_HEADERS, Origin: "https://evil.example" }, body: JSON.stringify(INIT) }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: -32000 }, id: 7 });
  });

  it("401 with a WWW-Authenticate challenge for a missing or invalid token, with CORS for an allowed origin", async () => {
    const missing = await bothAnswer(
      () => draftPath,
      () => ({ method: "POST", headers: { ...JSON_HEADERS, Origin: "https://claude.ai" }, body: JSON.stringify(INIT) }),
    );
    expect(missing.status).toBe(401);
    expect(missing.headers["www-authenticate"]).toMatch(/^Bearer .*resource_metadata=/);
    expect(missing.headers["access-control-allow-origin"]).toBe("https://claude.ai");
    expect(missing.body).toMatchObject({ id: 7 });
    const invalid = await bothAnswer(
      () => draftPath,
      () => ({ method: "POST", headers: { ...JSON_HEADERS, Authorization: "Bearer atl_draft_nope" }, body: JSON.stringify(INIT) }),
    );
    expect(invalid.status).toBe(401);
    expect(invalid.headers["www-authenticate"]).toMatch(/error="invalid_token"/);
    const production = await bothAnswer(
      () => productionPath,
      () => ({ method: "POST", headers: JSON_HEADERS, body: JSON.stringify(INIT) }),
    );
    expect(production.status).toBe(401);
  });

  it("answers a CORS preflight for an allowed origin and refuses another", async () => {
    const allowed = await bothAnswer(
      () => draftPath,
      () => ({ method: "OPTIONS", headers: { Origin: "https://claude.ai", "Access-Control-Request-Method": "POST" } }),
    );
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-methods"]).toContain("POST");
    const refused = await bothAnswer(
      () => draftPath,
      () => ({ method: "OPTIONS", headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" } }),
    );
    expect(refused.status).toBe(403);
  });

  it("records a tools/call refused for its credentials", async () => {
    const call = { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } };
    const answer = await send(nodeOrigin, draftPath, {
      method: "POST",
      headers: { ...JSON_HEADERS, Authorization: "Bearer atl_draft_nope" },
      body: JSON.stringify(call),
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ id: 9 });
    await flushExecutions();
    const refused = await db.execution.findMany({ where: { projectId, toolName: "add", errorType: "auth" } });
    expect(refused.length).toBe(1);
  });

  it("leaves other paths and methods to Next", async () => {
    for (const [path, method] of [
      [`${draftPath}/`, "POST"],
      [`${draftPath}`, "PUT"],
      ["/mcp/some-org", "POST"],
    ]) {
      const response = await fetch(`${nodeOrigin}${path}`, { method, headers: JSON_HEADERS, body: "{}" });
      expect(await response.text()).toBe("not an MCP endpoint: Next's");
    }
  });
});

describe("a client that leaves during a tools/call's streamed answer", () => {
  const call = { jsonrpc: "2.0", id: 11, method: "tools/call", params: { name: "wait", arguments: {}, _meta: { progressToken: 1 } } };

  /** A 2025-era tools/call sent whole; `leave` decides when the connection is closed. */
  function callAndLeave(leave: "before the answer" | "after the first event") {
    return new Promise<void>((resolve) => {
      const req = httpRequest(`${nodeOrigin}${draftPath}`, {
        method: "POST",
        headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "2025-11-25" },
      });
      req.on("error", () => {});
      req.on("response", (response) => {
        response.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.end(JSON.stringify(call), () => {
        if (leave !== "before the answer") return;
        req.destroy();
        resolve();
      });
    });
  }

  it.each(["before the answer", "after the first event"] as const)("ends the call's activity when it leaves %s", async (leave) => {
    const recorded = async () => {
      await flushExecutions();
      return db.execution.count({ where: { projectId, toolName: "wait" } });
    };
    const before = runningActivities();
    const calls = await recorded();
    await callAndLeave(leave);
    // The client may be gone before the server has even read the request, when the call's activity
    // has not begun. The call's record shows it ran (inside its activity), so the count coming back
    // down is that activity ending, not one that never began. (The activity lasts only some 50 ms:
    // the call is cancelled once the server sees the client gone, too short for polling the count
    // upwards to be sure to see it.)
    await expect.poll(recorded, { timeout: 10_000 }).toBe(calls + 1);
    // The call is cancelled, not left waiting for a reader, and its activity ends.
    await expect.poll(() => runningActivities(), { timeout: 10_000 }).toBe(before);
  });
});
