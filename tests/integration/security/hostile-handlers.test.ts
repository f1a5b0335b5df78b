// The hostile-handler corpus (issue 12, proof): one tenant's handlers try to escape the sandbox,
// spin, hoard memory, use WebAssembly, storm fetch, throw giant errors and reach private addresses
// by every spelling, through DNS and through redirects, all through the real MCP route. Each case
// asserts the outcome, that another tenant's cheap call is answered while the attack runs, and
// that the server's memory after the attack is within a (generous) bound of what it was before.
// Only loopback servers are used; the "target" one must never see a connection.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as toolsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { createTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, type TestUser } from "../helpers";
import { createProjectWithDraftToken, parseJsonRpc, postJsonRpc, startRouteServer, type TestHttpServer } from "../mcp-helpers";

const MB = 1024 * 1024;
// Far below what the attacks took before they were bounded (gigabytes for WebAssembly, hundreds
// of megabytes for giant throws and fetch storms), far above the noise of a test run.
const MEMORY_BOUND = 300 * MB;

type Tenant = Awaited<ReturnType<typeof createProjectWithDraftToken>> & { url: string; orgSlug: string; owner: TestUser };
type Listening = { server: Server; port: number; connections: number };

let routes: TestHttpServer;
let attacker: Tenant;
let victim: Tenant;
let target: Listening; // 127.0.0.1: stands for this server's other ports and the database
let gateway: Listening; // 127.0.0.2: an outside API handlers may reach in these runs (global-setup.ts)

async function listen(host: string, handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  const state = { server, port: 0, connections: 0 };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}

async function tenant(): Promise<Tenant> {
  const fixture = await createOrgWithMembers();
  const project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  const url = `${routes.origin}/mcp/${fixture.organization.slug}/${project.project.slug}/draft`;
  return { ...project, url, orgSlug: fixture.organization.slug, owner: fixture.users.owner };
}

const HOSTILE = {
  escape: `async () => ({
    process: typeof process, require: typeof require, globalProcess: typeof globalThis.process,
    viaConstructor: (() => { try { return typeof (function () {}).constructor("return process")() } catch (error) { return "threw" } })(),
  })`,
  dynamic_import: 'async () => await import("node:fs")',
  atomics_wait: "async () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(16)), 0, 0); return 'woke' }",
  spin: "async () => { while (true) {} }",
  spin_after_await: "async () => { await null; for (;;) {} }",
  hoard: "async () => { const chunks = []; while (true) chunks.push(new Array(100000).fill(Math.random())) }",
  wasm: "async () => { const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); memory.grow(32000); return memory.buffer.byteLength }",
  giant_throw: "async () => { throw new Error('x'.repeat(60 * 1024 * 1024)) }",
  fetch_storm:
    "async (props) => { const bodies = await Promise.all(Array.from({ length: 100 }, () => fetch(props.url).then((r) => r.text()))); return bodies.length }",
  fetch_url: "async (props) => { const response = await fetch(props.url); return await response.text() }",
};

beforeAll(async () => {
  routes = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/tools$/, module: toolsRoute },
  ]);
  target = await listen("127.0.0.1", (_request, response) => response.end("internal secret"));
  gateway = await listen("127.0.0.2", (request, response) => {
    const url = new URL(request.url ?? "/", "http://gateway");
    if (url.pathname === "/redirect") return response.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
    if (url.pathname === "/big") return response.end("b".repeat(5 * MB));
    response.end("gateway ok");
  });
  attacker = await tenant();
  victim = await tenant();
  const limits: Record<string, { timeoutMs?: number; memoryMb?: number }> = {
    spin: { timeoutMs: 1_500 },
    spin_after_await: { timeoutMs: 1_500 },
    atomics_wait: { timeoutMs: 500 },
    hoard: { memoryMb: 32, timeoutMs: 20_000 },
    wasm: { memoryMb: 16 },
    giant_throw: { memoryMb: 256, timeoutMs: 20_000 },
    fetch_storm: { memoryMb: 64, timeoutMs: 20_000 },
  };
  for (const [name, handler] of Object.entries(HOSTILE)) {
    await createTool({ access: attacker.access, input: { name, kind: "data", inputSchema: { type: "object" }, handler, ...limits[name] } });
  }
  await db.tool.updateMany({
    where: { projectId: attacker.project.id, name: "fetch_storm" },
    data: { allowedDomains: [`127.0.0.2:${gateway.port}`] },
  });
  await db.project.update({ where: { id: attacker.project.id }, data: { draftRevision: { increment: 1 } } });
  await createTool({ access: victim.access, input: { name: "ping", kind: "data", handler: "async () => ({ pong: true })" } });
});

afterAll(async () => {
  await routes?.close();
  for (const state of [target, gateway]) {
    state?.server.closeAllConnections();
    state?.server.close();
  }
});

let nextId = 1;
async function callTool(who: Tenant, name: string, args: Record<string, unknown> = {}) {
  const response = await postJsonRpc(
    who.url,
    { jsonrpc: "2.0", id: nextId++, method: "tools/call", params: { name, arguments: args } },
    { Authorization: `Bearer ${who.token}`, "MCP-Protocol-Version": "2025-11-25" },
  );
  expect(response.status).toBe(200);
  const result = parseJsonRpc(response.text).result as { isError?: boolean; structuredContent?: Record<string, unknown> };
  return { ...result, bytes: response.text.length };
}

/**
 * Runs `attack` (several hostile calls at once), and while it runs has the victim make a cheap
 * call, which must be answered. Returns the attack's results once they are all in.
 */
async function duringAttack<T>(attack: () => Promise<T>): Promise<T> {
  const before = settledMemory();
  const running = attack();
  const answered = await callTool(victim, "ping");
  expect(answered).toMatchObject({ structuredContent: { pong: true } });
  const results = await running;
  expect(settledMemory() - before).toBeLessThan(MEMORY_BOUND);
  return results;
}

// The process's resident memory once garbage is collected: what an attack left held.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
function settledMemory(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().rss;
}

const times = <T>(count: number, run: () => Promise<T>) => Promise.all(Array.from({ length: count }, run));
const errorOf = (result: { structuredContent?: Record<string, unknown> }) =>
  result.structuredContent?.error as { code: string; message: string };

describe("a hostile handler", () => {
  it("cannot reach the host: no process, require, import or constructor escape", async () => {
    const [escaped, dynamicImport] = await duringAttack(() =>
      Promise.all([callTool(attacker, "escape"), callTool(attacker, "dynamic_import")]),
    );
    expect(escaped.structuredContent).toEqual({
      process: "undefined",
      require: "undefined",
      globalProcess: "undefined",
      viaConstructor: "threw",
    });
    expect(errorOf(dynamicImport)).toMatchObject({ code: "handler_error", message: "Not supported" });
  });

  it("that blocks in Atomics.wait is stopped at its limit", async () => {
    const results = await duringAttack(() => times(2, () => callTool(attacker, "atomics_wait")));
    expect(results.map((result) => errorOf(result).code)).toEqual(["timeout", "timeout"]);
  });

  it("that spins forever is stopped at its limit, before or after an await, while others are answered", async () => {
    const results = await duringAttack(() =>
      Promise.all([...Array(3)].flatMap(() => [callTool(attacker, "spin"), callTool(attacker, "spin_after_await")])),
    );
    // Runs beyond the organization's share of handler slots wait their turn; none runs unbounded.
    for (const result of results) expect(["timeout", "sandbox_busy"]).toContain(errorOf(result).code);
    expect(results.some((result) => errorOf(result).code === "timeout")).toBe(true);
  });

  it("that hoards memory dies at its memory limit", async () => {
    const results = await duringAttack(() => times(3, () => callTool(attacker, "hoard")));
    expect(results.map((result) => errorOf(result).code)).toEqual(Array(3).fill("memory_limit_exceeded"));
  });

  it("has no WebAssembly, whose memory would escape the limit", async () => {
    const results = await duringAttack(() => times(3, () => callTool(attacker, "wasm")));
    expect(results.map((result) => errorOf(result).message)).toEqual(Array(3).fill("ReferenceError: WebAssembly is not defined"));
  });

  it("that throws a 60 MB error gets a message cut to a few kilobytes, in its answer and its record", async () => {
    const results = await duringAttack(() => times(3, () => callTool(attacker, "giant_throw")));
    for (const result of results) {
      expect(errorOf(result).message).toMatch(/truncated: longer than 8192 characters/);
      expect(result.bytes).toBeLessThan(64 * 1024);
    }
  });

  it("that storms fetch is held to a few requests at once and to its memory limit for what the host buffers", async () => {
    const results = await duringAttack(() =>
      times(3, () => callTool(attacker, "fetch_storm", { url: `http://127.0.0.2:${gateway.port}/big` })),
    );
    // Whichever comes first: the host's budget for buffered responses, or the isolate's own heap
    // limit once the bodies are handed over; both are the tool's memory limit.
    for (const result of results) expect(errorOf(result).message).toMatch(/memory limit of 64 MB/);
  });
});

describe("a handler's fetch", () => {
  const targetUrl = (host: string) => `http://${host}:${target.port}/admin`;
  // As if saved before allowed domains were checked: the connection-time check must hold alone.
  const allowDomains = async (domains: string[]) => {
    await db.tool.updateMany({ where: { projectId: attacker.project.id, name: "fetch_url" }, data: { allowedDomains: domains } });
    // What an edit does: the draft endpoint serves the new revision.
    await db.project.update({ where: { id: attacker.project.id }, data: { draftRevision: { increment: 1 } } });
  };

  it.each([
    ["127.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["0x7f.0.0.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["[::ffff:127.0.0.1]", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["localhost", "loopback"],
  ])("cannot reach %s (%s) even when the tool's allowed domains name it", async (host, range) => {
    await allowDomains([`${host}:${target.port}`, `${new URL(`http://${host}`).hostname}:${target.port}`]);
    const [result] = await duringAttack(() => times(1, () => callTool(attacker, "fetch_url", { url: targetUrl(host) })));
    expect(errorOf(result).message).toMatch(new RegExp(`was blocked: it is (a|the) ${range}`));
    expect(target.connections).toBe(0);
  });

  it("cannot be redirected to a private address by an API it may reach", async () => {
    await allowDomains([`127.0.0.2:${gateway.port}`, `127.0.0.1:${target.port}`, `localhost:${target.port}`]);
    for (const to of [targetUrl("127.0.0.1"), targetUrl("localhost")]) {
      const url = `http://127.0.0.2:${gateway.port}/redirect?to=${encodeURIComponent(to)}`;
      const [result] = await duringAttack(() => times(1, () => callTool(attacker, "fetch_url", { url })));
      expect(errorOf(result).message).toMatch(/was blocked: it is a loopback address/);
    }
    expect(target.connections).toBe(0);
    const reachable = await callTool(attacker, "fetch_url", { url: `http://127.0.0.2:${gateway.port}/` });
    expect(reachable.structuredContent).toEqual({ result: "gateway ok" });
  });

  it("may not be given a private or local address as an allowed domain: the studio says why", async () => {
    const headers = await asSession(attacker.owner);
    const params = { org: attacker.orgSlug, project: attacker.project.slug };
    const refused = {
      "169.254.169.254": "is a link-local address (where cloud metadata services live)",
      "metadata.google.internal": "always names this server or its cloud metadata service",
      localhost: "always names this server",
      "127.0.0.1:5432": "is a loopback address (this server itself)",
      "0x7f000001": "is a loopback address",
      "2130706433:3000": "is a loopback address",
      "0.0.0.0": "is the unspecified address",
      "10.1.2.3": "is a private network address",
      "192.168.0.10": "is a private network address",
      "100.64.0.1": "is a carrier-grade NAT (shared) address",
    };
    for (const [domain, reason] of Object.entries(refused)) {
      const response = await call<{ error: { message: string } }>(toolsRoute.POST, {
        method: "POST",
        path: `/app/v1/organizations/${params.org}/projects/${params.project}/tools`,
        body: { name: "saved_fetch", kind: "data", allowedDomains: ["api.example.com", domain] },
        headers,
        params,
      });
      expect(response.status, domain).toBe(422);
      expect(response.body.error.message, domain).toContain(reason);
      expect(response.body.error.message, domain).toContain("ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS");
    }
    const allowed = await call(toolsRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${params.org}/projects/${params.project}/tools`,
      body: { name: "saved_fetch", kind: "data", allowedDomains: ["api.example.com", "*.example.org", "127.0.0.2:8080"] },
      headers,
      params,
    });
    expect(allowed.status).toBe(201);
  });
});
