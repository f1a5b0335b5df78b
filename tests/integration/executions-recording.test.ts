// Execution records (SPEC §9) from real tools/call requests over HTTP with the real SDK client:
// one row per call on both endpoints, with every field — outcome, error type and code, hashes of
// the canonical JSON of input and output, console output, host, caller, IP — for successes,
// validation / runtime / timeout failures and rate-limited calls.
import { createHash } from "node:crypto";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { createComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { flushExecutions, recordToolCall } from "@/lib/executions/recorder";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { setSecret } from "@/lib/tools/secrets";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import {
  connectClient,
  createProjectWithDraftToken,
  parseJsonRpc,
  postJsonRpc,
  startRouteServer,
  type TestHttpServer,
} from "./mcp-helpers";
import { connectWithOAuth, startOAuthServer } from "./oauth-helpers";
import { publishingApi } from "./publish-helpers";

const SECRET = "sk-live-recording-0123456789";
const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

let fixture: OrgFixture;
let server: TestHttpServer;
let project: Awaited<ReturnType<typeof createProjectWithDraftToken>>;
let draftUrl: string;
let productionUrl: string;
let productionToken: { id: string; name: string; token: string };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const orgSlug = fixture.organization.slug;
  project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  const { access } = project;
  await createComponent({ access, input: { name: "card", html: "<div>card</div>" } });
  await createTool({
    access,
    input: {
      name: "echo",
      kind: "data",
      inputSchema: { type: "object", properties: { text: { type: "string" }, n: { type: "number" } }, required: ["text"] },
      handler:
        "async (props) => { console.log('echoing', props.text); console.warn('careful'); return { echoed: props.text, n: props.n ?? 0 }; }",
    },
  });
  await createTool({
    access,
    input: {
      name: "explode",
      kind: "data",
      handler: "async () => { console.error('about to fail'); throw new Error('Upstream said no'); }",
    },
  });
  await createTool({ access, input: { name: "spin", kind: "data", timeoutMs: 200, handler: "async () => { while (true) {} }" } });
  await createTool({
    access,
    input: {
      name: "leak",
      kind: "data",
      handler: "async (props, env) => { console.log('key', env.secrets.KEY); return { key: env.secrets.KEY }; }",
    },
  });
  await createTool({
    access,
    input: { name: "show_card", kind: "ui", component: "card", inputSchema: { type: "object", properties: { title: { type: "string" } } } },
  });
  await setSecret({ access, actor: fixture.users.owner, toolName: "leak", key: "KEY", value: SECRET });

  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
  productionUrl = `${server.origin}/mcp/${orgSlug}/${project.project.slug}`;
  draftUrl = `${productionUrl}/draft`;

  const api = publishingApi({ orgSlug, projectSlug: project.project.slug });
  expect((await api.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
  const created = (await api.createToken(fixture.users.owner, "Recording host")).body;
  productionToken = { id: created.id, name: created.name, token: created.token! };
});

afterAll(async () => {
  await server?.close();
});

/** The project's records of one tool, oldest first, after everything buffered was written. */
async function recordsOf(toolName: string) {
  await flushExecutions();
  return db.execution.findMany({ where: { projectId: project.project.id, toolName }, orderBy: { createdAt: "asc" } });
}

async function withClient<T>(options: Parameters<typeof connectClient>[0], run: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectClient(options);
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

const ip = (last: number) => ({ "X-Forwarded-For": `198.51.100.${last}` });

describe("a successful call", () => {
  it("is recorded with its time, duration, outcome, hashes, input, output, console output, host, caller and IP", async () => {
    const before = new Date();
    const result = (await withClient({ url: draftUrl, token: project.token, era: "modern", headers: ip(1) }, (client) =>
      client.callTool({ name: "echo", arguments: { text: "héllo", n: 2 } }),
    )) as ToolResult;
    const after = new Date();
    expect(result.structuredContent).toEqual({ echoed: "héllo", n: 2 });

    const [record] = await recordsOf("echo");
    const output = { content: result.content, structuredContent: result.structuredContent };
    expect(record).toMatchObject({
      organizationId: fixture.organization.id,
      environment: "DRAFT",
      packageVersion: null,
      status: "SUCCESS",
      errorType: null,
      errorCode: null,
      input: { n: 2, text: "héllo" },
      inputSha256: sha256({ text: "héllo", n: 2 }),
      output,
      outputSha256: sha256(output),
      clientName: "atelier-tests",
      clientVersion: "1.0.0",
      callerKind: "draft_token",
      callerId: null,
      callerLabel: "Draft token",
      ip: "198.51.100.1",
    });
    expect(record.inputSha256).toBe(createHash("sha256").update('{"n":2,"text":"héllo"}').digest("hex"));
    expect(record.logs).toEqual([
      { level: "log", message: "echoing héllo", at: expect.any(Number) },
      { level: "warn", message: "careful", at: expect.any(Number) },
    ]);
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    // The time is when the call started.
    expect(record.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(record.createdAt.getTime()).toBeLessThanOrEqual(after.getTime());
  });

  it("takes a 2025-era client's name and version from its User-Agent (its clientInfo came in initialize only)", async () => {
    await withClient(
      { url: draftUrl, token: project.token, era: "legacy", headers: { "User-Agent": "legacy-host/4.2 (linux)" } },
      (client) => client.callTool({ name: "show_card", arguments: { title: "Hi" } }),
    );
    const [record] = await recordsOf("show_card");
    expect(record).toMatchObject({ status: "SUCCESS", clientName: "legacy-host", clientVersion: "4.2", input: { title: "Hi" } });
  });

  it("never stores a secret the handler printed or returned", async () => {
    const result = (await withClient({ url: draftUrl, token: project.token, era: "modern" }, (client) =>
      client.callTool({ name: "leak", arguments: {} }),
    )) as ToolResult;
    expect(JSON.stringify(result)).not.toContain(SECRET);
    const [record] = await recordsOf("leak");
    expect(record.status).toBe("SUCCESS");
    expect(JSON.stringify([record.output, record.logs, record.input])).not.toContain(SECRET);
    expect(JSON.stringify(record.logs)).toContain("key [redacted");
  });
});

describe("failures", () => {
  it("records validation, runtime and timeout failures with their error type and code, and the error result as output", async () => {
    const results = await withClient({ url: draftUrl, token: project.token, era: "modern" }, async (client) => ({
      invalid: (await client.callTool({ name: "echo", arguments: { text: 42 } })) as ToolResult,
      thrown: (await client.callTool({ name: "explode", arguments: {} })) as ToolResult,
      slow: (await client.callTool({ name: "spin", arguments: {} })) as ToolResult,
    }));
    expect([results.invalid.isError, results.thrown.isError, results.slow.isError]).toEqual([true, true, true]);

    const invalid = (await recordsOf("echo")).at(-1)!;
    expect(invalid).toMatchObject({
      status: "ERROR",
      errorType: "validation",
      errorCode: "schema_validation_failed",
      input: { text: 42 },
      logs: [],
    });
    expect(invalid.outputSha256).toBe(
      sha256({ content: results.invalid.content, structuredContent: results.invalid.structuredContent, isError: true }),
    );

    const [thrown] = await recordsOf("explode");
    expect(thrown).toMatchObject({ status: "ERROR", errorType: "runtime", errorCode: "handler_error" });
    expect(thrown.logs).toEqual([
      { level: "error", message: "about to fail", at: expect.any(Number) },
      { level: "error", message: expect.stringContaining("Upstream said no"), at: expect.any(Number) },
    ]);
    expect(JSON.stringify(thrown.output)).toContain("Upstream said no");

    const [slow] = await recordsOf("spin");
    expect(slow).toMatchObject({ status: "ERROR", errorType: "timeout", errorCode: "timeout" });
    expect(slow.durationMs).toBeGreaterThanOrEqual(200);
  });

  it("records nothing for a call of a tool that does not exist (a protocol error, nothing ran)", async () => {
    const response = await postJsonRpc(
      draftUrl,
      { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "no_such_tool", arguments: {} } },
      {
        Authorization: `Bearer ${project.token}`,
        "MCP-Protocol-Version": "2025-11-25",
      },
    );
    expect(parseJsonRpc(response.text).error?.message).toContain("Unknown tool");
    expect(await recordsOf("no_such_tool")).toEqual([]);
  });
});

describe("production", () => {
  it("records the package version, the production token as caller, and the host", async () => {
    await withClient({ url: productionUrl, token: productionToken.token, era: "modern", headers: ip(2) }, (client) =>
      client.callTool({ name: "echo", arguments: { text: "prod" } }),
    );
    const record = (await recordsOf("echo")).find((row) => row.environment === "PRODUCTION")!;
    expect(record).toMatchObject({
      environment: "PRODUCTION",
      packageVersion: "1.0.0",
      status: "SUCCESS",
      callerKind: "production_token",
      callerId: productionToken.id,
      callerLabel: "Recording host",
      clientName: "atelier-tests",
      ip: "198.51.100.2",
    });
  });

  it("records anonymous callers of a public project", async () => {
    await db.project.update({ where: { id: project.project.id }, data: { visibility: "PUBLIC" } });
    try {
      await withClient({ url: productionUrl, token: null, era: "legacy", headers: ip(3) }, (client) =>
        client.callTool({ name: "show_card", arguments: { title: "anon" } }),
      );
      const record = (await recordsOf("show_card")).find((row) => row.callerKind === "anonymous")!;
      expect(record).toMatchObject({
        environment: "PRODUCTION",
        callerId: null,
        callerLabel: "anonymous",
        ip: "198.51.100.3",
        input: { title: "anon" },
      });
    } finally {
      await db.project.update({ where: { id: project.project.id }, data: { visibility: "PRIVATE" } });
    }
  });
});

describe("calls refused for their credentials", () => {
  const call = (name: string, args: Record<string, unknown>) => ({
    jsonrpc: "2.0",
    id: 7,
    method: "tools/call",
    params: { name, arguments: args },
  });

  it("are recorded as errors of type auth on both endpoints — missing and refused tokens — with the address and host, never run", async () => {
    const before = (await recordsOf("echo")).length;
    const headers = { ...ip(9), "User-Agent": "incident-host/2.1" };
    const missing = await postJsonRpc(productionUrl, call("echo", { text: "no token" }), headers);
    const revoked = await postJsonRpc(productionUrl, call("echo", { text: "bad token" }), {
      ...headers,
      Authorization: "Bearer atl_prod_not-a-real-token",
    });
    const draft = await postJsonRpc(draftUrl, call("echo", { text: "bad draft" }), {
      ...headers,
      Authorization: "Bearer atl_draft_rotated-long-ago",
    });
    expect([missing.status, revoked.status, draft.status]).toEqual([401, 401, 401]);

    const refused = (await recordsOf("echo")).slice(before);
    expect(refused.map((row) => [row.environment, row.errorCode, (row.input as { text: string }).text])).toEqual([
      ["PRODUCTION", "missing_credentials", "no token"],
      ["PRODUCTION", "invalid_token", "bad token"],
      ["DRAFT", "invalid_token", "bad draft"],
    ]);
    for (const row of refused) {
      expect(row).toMatchObject({
        status: "ERROR",
        errorType: "auth",
        callerKind: "anonymous",
        ip: "198.51.100.9",
        clientName: "incident-host",
        clientVersion: "2.1",
        output: null,
        logs: [],
      });
    }
  });

  it("records nothing for requests that are not tool calls (tools/list without a token)", async () => {
    await flushExecutions();
    const before = await db.execution.count({ where: { projectId: project.project.id } });
    const response = await postJsonRpc(productionUrl, { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, ip(9));
    expect(response.status).toBe(401);
    await flushExecutions();
    expect(await db.execution.count({ where: { projectId: project.project.id } })).toBe(before);
  });
});

describe("OAuth callers", () => {
  it("are recorded as the grant, labelled '<client name> for <user>'", async () => {
    const oauthServer = await startOAuthServer();
    try {
      const user = fixture.users.viewer;
      const url = `${oauthServer.origin}/mcp/${fixture.organization.slug}/${project.project.slug}`;
      const { tokens } = await connectWithOAuth(oauthServer.origin, user, url);
      await withClient({ url, token: tokens.access_token, era: "modern" }, (client) =>
        client.callTool({ name: "show_card", arguments: { title: "oauth" } }),
      );
      const record = (await recordsOf("show_card")).find((row) => row.callerKind === "oauth")!;
      const grant = await db.oAuthGrant.findFirstOrThrow({ where: { projectId: project.project.id, userId: user.id } });
      expect(record).toMatchObject({
        environment: "PRODUCTION",
        callerId: grant.id,
        callerLabel: `Test Host for ${user.email}`,
        input: { title: "oauth" },
      });
    } finally {
      await oauthServer.close();
    }
  });
});

describe("rate-limited calls", () => {
  it("are recorded as errors of type rate_limited naming the limit, with no output, and never run", async () => {
    // A token of its own: the limit counts per credential.
    const api = publishingApi({ orgSlug: fixture.organization.slug, projectSlug: project.project.slug });
    const limited = (await api.createToken(fixture.users.owner, "Limited host")).body;
    await db.project.update({ where: { id: project.project.id }, data: { credentialCallsPerMinute: 1 } });
    try {
      const response = await withClient({ url: productionUrl, token: limited.token!, era: "modern", headers: ip(4) }, async (client) => {
        await client.callTool({ name: "explode", arguments: {} });
        return postJsonRpc(
          productionUrl,
          { jsonrpc: "2.0", id: "second", method: "tools/call", params: { name: "explode", arguments: { second: true } } },
          {
            Authorization: `Bearer ${limited.token}`,
            "MCP-Protocol-Version": "2025-11-25",
            "User-Agent": "raw-host/1.0",
            ...ip(4),
          },
        );
      });
      expect(response.status).toBe(429);
      expect(parseJsonRpc(response.text)).toMatchObject({ id: "second", error: { code: -32000 } });

      const records = (await recordsOf("explode")).filter((row) => row.environment === "PRODUCTION");
      expect(records.map((row) => [row.status, row.errorType, row.errorCode])).toEqual([
        ["ERROR", "runtime", "handler_error"],
        ["ERROR", "rate_limited", "credential_calls_per_minute"],
      ]);
      expect(records[1]).toMatchObject({
        input: { second: true },
        inputSha256: sha256({ second: true }),
        outputSha256: null,
        output: null,
        logs: [],
        callerKind: "production_token",
        callerId: limited.id,
        callerLabel: "Limited host",
        clientName: "raw-host",
        clientVersion: "1.0",
        packageVersion: "1.0.0",
        ip: "198.51.100.4",
      });
    } finally {
      await db.project.update({ where: { id: project.project.id }, data: { credentialCallsPerMinute: 300 } });
    }
  });
});

describe("writing records", () => {
  it("stores what PostgreSQL refuses (U+0000) without losing the call or the batch", async () => {
    const result = (await withClient({ url: draftUrl, token: project.token, era: "modern" }, (client) =>
      client.callTool({ name: "echo", arguments: { text: "nul\u0000here" } }),
    )) as ToolResult;
    expect(result.structuredContent).toEqual({ echoed: "nul\u0000here", n: 0 });
    const record = (await recordsOf("echo")).find((row) => JSON.stringify(row.input).includes("nul"))!;
    expect(record.input).toEqual({ text: "nul\ufffdhere" });
    expect(record.inputSha256).toBe(sha256({ text: "nul\u0000here" }));
  });

  it("skips the records of a project deleted before they were written, and keeps the rest of the batch", async () => {
    const call = {
      toolName: "batch_probe",
      toolId: null,
      environment: "draft" as const,
      status: "success" as const,
      durationMs: 1,
      logs: [],
      arguments: {},
    };
    const source = {
      organizationId: fixture.organization.id,
      environment: "draft" as const,
      packageVersion: null,
      caller: { kind: "draft_token" as const },
      clientIp: null,
    };
    recordToolCall({ ...source, projectId: "deleted-project" }, call);
    recordToolCall({ ...source, projectId: project.project.id }, call);
    expect(await recordsOf("batch_probe")).toHaveLength(1);
    expect(await db.execution.count({ where: { projectId: "deleted-project" } })).toBe(0);
  });
});
