// Rate limits of SPEC §8 over real HTTP with the real SDK client: each limit refuses exactly the
// call past it with 429, Retry-After and a JSON-RPC error carrying the request id; the refusal is
// recorded; tools/list, resources and initialize are never limited; limits reset after their
// window. Time is moved with the limiter's clock instead of waiting a minute.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/app/v1/me/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { createComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { flushExecutions } from "@/lib/executions/recorder";
import { getRateLimiter } from "@/lib/rate-limit/rate-limiter";
import { createTool } from "@/lib/tools/tools";
import { apiToken, asSession, call, createOrgWithMembers, type OrgFixture } from "./helpers";
import {
  connectClient,
  createProjectWithDraftToken,
  parseJsonRpc,
  postJsonRpc,
  startRouteServer,
  type TestHttpServer,
} from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let offsetMs = 0;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
  getRateLimiter().setClock(() => Date.now() + offsetMs);
});

afterEach(() => {
  offsetMs = 0;
});

afterAll(async () => {
  getRateLimiter().setClock(Date.now);
  await server?.close();
});

type Limits = Partial<Record<"dataToolCallsPerMinute" | "anonymousCallsPerHour" | "anonymousBurst" | "credentialCallsPerMinute", number>>;

/** A published project with a Data Tool and a UI Tool, the given limits, and a production token. */
async function limitedProject(limits: Limits, options: { visibility?: "PUBLIC" | "PRIVATE" } = {}) {
  const orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  await createComponent({ access: created.access, input: { name: "card", html: "<div>card</div>" } });
  await createTool({ access: created.access, input: { name: "add", kind: "data", handler: "async () => ({ sum: 3 })" } });
  await createTool({ access: created.access, input: { name: "show_card", kind: "ui", component: "card" } });
  const api = publishingApi({ orgSlug, projectSlug: created.project.slug });
  expect((await api.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
  const productionToken = (await api.createToken(fixture.users.owner)).body.token!;
  await db.project.update({ where: { id: created.project.id }, data: { ...limits, visibility: options.visibility ?? "PRIVATE" } });
  const url = `${server.origin}/mcp/${orgSlug}/${created.project.slug}`;
  return { ...created, api, productionToken, url, draftUrl: `${url}/draft` };
}

/** A raw tools/call as a 2025-era host sends it, so status, headers and body can be read. */
function rawCall(url: string, options: { token?: string | null; tool?: string; id?: number | string; ip?: string } = {}) {
  return postJsonRpc(
    url,
    { jsonrpc: "2.0", id: options.id ?? 1, method: "tools/call", params: { name: options.tool ?? "add", arguments: {} } },
    {
      "MCP-Protocol-Version": "2025-11-25",
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.ip ? { "X-Forwarded-For": options.ip } : {}),
    },
  );
}

async function statuses(count: number, send: () => Promise<{ status: number }>) {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await send()).status);
  return result;
}

function expectRefusal(response: { status: number; headers: Headers; text: string }, id: number | string, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = response.headers.get("retry-after");
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  const body = parseJsonRpc(response.text) as { id?: unknown; error?: { code: number; message: string } };
  expect(body.id).toBe(id);
  expect(body.error?.code).toBe(-32000);
  expect(body.error?.message).toMatch(message);
  return Number(retryAfter);
}

describe("per credential", () => {
  it("refuses the call past credentialCallsPerMinute with 429 + Retry-After, and allows again after the minute", async () => {
    const project = await limitedProject({ credentialCallsPerMinute: 3 });
    expect(await statuses(3, () => rawCall(project.draftUrl, { token: project.token }))).toEqual([200, 200, 200]);
    const retryAfter = expectRefusal(
      await rawCall(project.draftUrl, { token: project.token, id: 42 }),
      42,
      /this credential may make 3 calls per minute/,
    );
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another credential of the same project has its own allowance.
    expect((await rawCall(project.url, { token: project.productionToken })).status).toBe(200);

    offsetMs = 60_000;
    expect(await statuses(4, () => rawCall(project.draftUrl, { token: project.token }))).toEqual([200, 200, 200, 429]);
  });

  it("never limits tools/list, resources or initialize, and the SDK client sees the refusal as an error", async () => {
    const project = await limitedProject({ credentialCallsPerMinute: 1 });
    const client: Client = await connectClient({ url: project.draftUrl, token: project.token, era: "modern" });
    try {
      expect((await client.callTool({ name: "add", arguments: {} })).structuredContent).toEqual({ sum: 3 });
      await expect(client.callTool({ name: "add", arguments: {} })).rejects.toThrow(/Rate limit exceeded/);
      for (let i = 0; i < 5; i++) {
        expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["add", "show_card"]);
        expect((await client.listResources()).resources).toHaveLength(1);
      }
      const legacy = await connectClient({ url: project.draftUrl, token: project.token, era: "legacy" });
      await legacy.close();
    } finally {
      await client.close();
    }
  });

  it("records each refusal as an execution of type rate_limited naming the limit", async () => {
    const project = await limitedProject({ credentialCallsPerMinute: 1 });
    await rawCall(project.draftUrl, { token: project.token });
    await rawCall(project.draftUrl, { token: project.token });
    await flushExecutions();
    const records = await db.execution.findMany({ where: { projectId: project.project.id }, orderBy: { createdAt: "asc" } });
    expect(records.map((row) => [row.status, row.errorType, row.errorCode])).toEqual([
      ["SUCCESS", null, null],
      ["ERROR", "rate_limited", "credential_calls_per_minute"],
    ]);
  });
});

describe("Data Tool executions per project", () => {
  it("counts draft and production calls of every caller against one limit, and not UI Tool calls", async () => {
    const project = await limitedProject({ dataToolCallsPerMinute: 4 });
    expect((await rawCall(project.draftUrl, { token: project.token })).status).toBe(200);
    expect((await rawCall(project.url, { token: project.productionToken })).status).toBe(200);
    expect((await rawCall(project.draftUrl, { token: project.token })).status).toBe(200);
    expect((await rawCall(project.url, { token: project.productionToken })).status).toBe(200);
    expectRefusal(await rawCall(project.url, { token: project.productionToken, id: "p5" }), "p5", /at most 4 Data Tool calls per minute/);
    expectRefusal(await rawCall(project.draftUrl, { token: project.token, id: 6 }), 6, /at most 4 Data Tool calls per minute/);
    // UI Tools run no code.
    expect((await rawCall(project.draftUrl, { token: project.token, tool: "show_card" })).status).toBe(200);

    await flushExecutions();
    const refused = await db.execution.findMany({ where: { projectId: project.project.id, errorType: "rate_limited" } });
    expect(refused.map((row) => [row.environment, row.errorCode]).sort()).toEqual([
      ["DRAFT", "data_tool_calls_per_minute"],
      ["PRODUCTION", "data_tool_calls_per_minute"],
    ]);

    offsetMs = 60_000;
    expect((await rawCall(project.draftUrl, { token: project.token })).status).toBe(200);
  });
});

describe("anonymous calls to a public project", () => {
  it("allow a burst per IP, then one call per refill interval; other IPs are counted apart", async () => {
    // 60 per hour: one token a minute; burst 3.
    const project = await limitedProject({ anonymousCallsPerHour: 60, anonymousBurst: 3 }, { visibility: "PUBLIC" });
    const from = (ip: string, id = 1) => rawCall(project.url, { ip, id });
    expect(await statuses(3, () => from("198.51.100.10"))).toEqual([200, 200, 200]);
    const retryAfter = expectRefusal(
      await from("198.51.100.10", 9),
      9,
      /anonymous callers may make 60 calls per hour to this project \(at most 3 at once\)/,
    );
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await from("198.51.100.11")).status).toBe(200);

    offsetMs = 60_000;
    expect(await statuses(2, () => from("198.51.100.10"))).toEqual([200, 429]);
    offsetMs = 3 * 3_600_000;
    expect(await statuses(4, () => from("198.51.100.10"))).toEqual([200, 200, 200, 429]);
  });

  it("are limited per IP even when the caller prepends an address of its choice", async () => {
    const project = await limitedProject({ anonymousCallsPerHour: 60, anonymousBurst: 1 }, { visibility: "PUBLIC" });
    expect((await rawCall(project.url, { ip: "10.0.0.1, 198.51.100.20" })).status).toBe(200);
    expect((await rawCall(project.url, { ip: "10.0.0.2, 198.51.100.20" })).status).toBe(429);
  });
});

describe("admin REST API", () => {
  it("allows ATELIER_API_RATE_LIMIT_PER_MINUTE calls per personal token, then 429 with Retry-After; other tokens and sessions count apart", async () => {
    const limit = env().ATELIER_API_RATE_LIMIT_PER_MINUTE;
    const user = fixture.users.editor;
    const [token, other] = [await apiToken(user), await apiToken(user)];
    const me = (headers: Record<string, string>) =>
      call<{ error?: { code: string; message: string } }>(meRoute.GET, { path: "/app/v1/me", headers });
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

    for (let i = 0; i < limit; i++) {
      const response = await me(bearer(token));
      if (response.status !== 200) throw new Error(`call ${i + 1} of ${limit} answered ${response.status}`);
    }
    const refused = await me(bearer(token));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(new RegExp(`this API token may make ${limit} API calls per minute`)) },
    });

    expect((await me(bearer(other))).status).toBe(200);
    expect((await me(await asSession(user))).status).toBe(200);

    offsetMs = 60_000;
    expect((await me(bearer(token))).status).toBe(200);
  });
});
