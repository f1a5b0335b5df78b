// Protocol defects of issue 13 §6, each over real HTTP with real clients:
// - error results of a tool with an outputSchema are valid for the SDK v1 client (which validates
//   structuredContent even on isError results) and still carry the actionable message;
// - guard refusals (401, 403, 404, 409, version errors) echo the request's id;
// - an unknown tool or invalid protocol headers are answered 400/-32020 or -32602, never counted
//   against a rate limit nor answered 429;
// - Mcp-Param-* headers (SEP-2243, `x-mcp-header`) are validated: 400/-32020 when missing or different.
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as V1Transport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { db } from "@/lib/db";
import { getRateLimiter } from "@/lib/rate-limit/rate-limiter";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import { createProjectWithDraftToken, parseJsonRpc, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let draftUrl: string;
let productionUrl: string;
let token: string;
let projectId: string;

const totalSchema = { type: "object", properties: { total: { type: "number" } }, required: ["total"] };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  token = created.token;
  projectId = created.project.id;
  const { access } = created;
  await createTool({
    access,
    input: { name: "bad_output", kind: "data", outputSchema: totalSchema, handler: "async () => ({ total: 'twelve' })" },
  });
  await createTool({
    access,
    input: { name: "explode", kind: "data", outputSchema: totalSchema, handler: "async () => { throw new Error('Upstream said no'); }" },
  });
  await createTool({
    access,
    input: {
      name: "needs_count",
      kind: "data",
      inputSchema: { type: "object", properties: { count: { type: "integer" } }, required: ["count"] },
      outputSchema: totalSchema,
      handler: "async (props) => ({ total: props.count })",
    },
  });
  await createTool({
    access,
    input: {
      name: "in_region",
      kind: "data",
      inputSchema: {
        type: "object",
        properties: { region: { type: "string", "x-mcp-header": "Region" }, count: { type: "integer", "x-mcp-header": "Count" } },
        required: ["region"],
      },
      handler: "async (props) => ({ region: props.region })",
    },
  });
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
  productionUrl = `${server.origin}/mcp/${orgSlug}/${created.project.slug}`;
  draftUrl = `${productionUrl}/draft`;
});

afterAll(async () => {
  await server?.close();
});

describe("error results of a tool with an outputSchema", () => {
  it("reach an SDK v1 client as isError results with the actionable message, instead of a schema mismatch it throws", async () => {
    const client = new V1Client({ name: "v1-host", version: "1.0.0" });
    await client.connect(new V1Transport(new URL(draftUrl), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
    try {
      await client.listTools(); // the v1 client caches outputSchemas from here and validates against them
      const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
        ["bad_output", {}, "output_validation_failed", /does not match its output schema/],
        ["explode", {}, "handler_error", /Upstream said no/],
        ["needs_count", { count: "three" }, "schema_validation_failed", /count/],
      ];
      for (const [name, args, code, message] of cases) {
        const result = (await client.callTool({ name, arguments: args })) as {
          isError?: boolean;
          content: Array<{ type: string; text: string }>;
          structuredContent?: unknown;
        };
        expect(result.isError).toBe(true);
        expect(result.structuredContent).toBeUndefined();
        const { error } = JSON.parse(result.content[0].text) as { error: { code: string; message: string } };
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
      }
      // A success still carries structuredContent, which the v1 client validates.
      expect((await client.callTool({ name: "needs_count", arguments: { count: 3 } })).structuredContent).toEqual({ total: 3 });
    } finally {
      await client.close();
    }
  });
});

describe("guard refusals echo the request id", () => {
  const body = (id: number | string) => ({ jsonrpc: "2.0", id, method: "tools/list", params: {} });

  it("401 without a credential, 401 with a refused one, 403 for a foreign origin", async () => {
    const missing = await postJsonRpc(draftUrl, body(11));
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.text)).toMatchObject({ id: 11, error: { code: -32000 } });
    const refused = await postJsonRpc(draftUrl, body("r-12"), { Authorization: "Bearer nope" });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).id).toBe("r-12");
    const foreign = await postJsonRpc(draftUrl, body(13), { Authorization: `Bearer ${token}`, Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text).id).toBe(13);
  });

  it("404 for an unknown project, 409 before the first publish", async () => {
    const unknown = await postJsonRpc(`${server.origin}/mcp/${fixture.organization.slug}/no-such-project`, body(14));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).id).toBe(14);
    await db.project.update({ where: { id: projectId }, data: { visibility: "PUBLIC" } });
    const unpublished = await postJsonRpc(productionUrl, body(15));
    expect(unpublished.status).toBe(409);
    expect(JSON.parse(unpublished.text).id).toBe(15);
  });

  it("an unsupported MCP-Protocol-Version", async () => {
    const response = await postJsonRpc(draftUrl, body(16), { Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "1999-01-01" });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ id: 16, error: { message: expect.stringMatching(/Unsupported protocol version/) } });
  });
});

/** A 2026-07-28 client whose requests can be tampered with on their way out. */
async function modernClient(tamper: (headers: Headers, body: Record<string, unknown> | null) => void = () => {}) {
  const client = new Client({ name: "atelier-tests", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  const transport = new StreamableHTTPClientTransport(new URL(draftUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
      if (body?.method === "tools/call") tamper(headers, body);
      return fetch(input, { ...init, headers });
    },
  });
  await client.connect(transport);
  return client;
}

async function rawModernCall(name: string, args: Record<string, unknown>, headers: Record<string, string>, id: number) {
  return postJsonRpc(
    draftUrl,
    {
      jsonrpc: "2.0",
      id,
      method: "tools/call",
      params: {
        name,
        arguments: args,
        _meta: {
          "io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
          "io.modelcontextprotocol/clientCapabilities": {},
        },
      },
    },
    { Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": name, ...headers },
  );
}

describe("Mcp-Param-* headers", () => {
  it("the SDK client's headers pass; a missing, different or malformed one is 400 / -32020 with the request id", async () => {
    const client = await modernClient();
    try {
      await client.listTools();
      expect((await client.callTool({ name: "in_region", arguments: { region: "eu-west", count: 2 } })).structuredContent).toEqual({
        region: "eu-west",
      });
    } finally {
      await client.close();
    }

    const missing = await rawModernCall("in_region", { region: "eu-west" }, {}, 21);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toMatchObject({ id: 21, error: { code: -32020, data: { mismatch: { header: "Mcp-Param-Region" } } } });

    const different = await rawModernCall(
      "in_region",
      { region: "eu-west", count: 2 },
      { "Mcp-Param-Region": "eu-west", "Mcp-Param-Count": "3" },
      22,
    );
    expect(different.status).toBe(400);
    expect(JSON.parse(different.text)).toMatchObject({
      id: 22,
      error: { code: -32020, message: expect.stringMatching(/Mcp-Param-Count/) },
    });

    const malformed = await rawModernCall("in_region", { region: "é" }, { "Mcp-Param-Region": "=?base64?not base64?=" }, 23);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).error.code).toBe(-32020);

    const encoded = await rawModernCall(
      "in_region",
      { region: "zürich", count: 2 },
      {
        "Mcp-Param-Region": `=?base64?${Buffer.from("zürich").toString("base64")}?=`,
        "Mcp-Param-Count": "2.0",
      },
      24,
    );
    expect(encoded.status).toBe(200);
    expect(parseJsonRpc(encoded.text).result).toMatchObject({ structuredContent: { region: "zürich" } });
  });
});

describe("calls the protocol refuses are not counted against rate limits", () => {
  it("an unknown tool or bad headers keep their -32602 / 400 -32020 answers, before and after the caller is limited", async () => {
    await db.project.update({ where: { id: projectId }, data: { credentialCallsPerMinute: 1 } });
    // An hour later: the calls of the tests above (same credential) are out of the window.
    getRateLimiter().setClock(() => Date.now() + 3_600_000);
    const tampered = await modernClient((headers) => headers.set("Mcp-Name", "someone_else"));
    const client = await modernClient();
    try {
      for (let i = 0; i < 3; i++) {
        await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toMatchObject({ code: -32602 });
        await expect(tampered.callTool({ name: "needs_count", arguments: { count: 1 } })).rejects.toThrow(/-32020|disagree/);
        const noParam = await rawModernCall("in_region", { region: "eu-west" }, {}, 30 + i);
        expect([noParam.status, JSON.parse(noParam.text).error.code]).toEqual([400, -32020]);
      }
      // Nothing above was counted: the one allowed call still runs, the next is limited.
      expect((await client.callTool({ name: "needs_count", arguments: { count: 1 } })).structuredContent).toEqual({ total: 1 });
      await expect(client.callTool({ name: "needs_count", arguments: { count: 1 } })).rejects.toThrow(/Rate limit exceeded/);
      // Once limited, protocol errors are still answered as such, not 429.
      await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toMatchObject({ code: -32602 });
      const bad = await rawModernCall("needs_count", { count: 1 }, { "Mcp-Name": "other" }, 40);
      expect([bad.status, JSON.parse(bad.text).error.code]).toEqual([400, -32020]);
      const legacyBadVersion = await postJsonRpc(
        draftUrl,
        { jsonrpc: "2.0", id: 41, method: "tools/call", params: { name: "needs_count", arguments: { count: 1 } } },
        { Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "1999-01-01" },
      );
      expect([legacyBadVersion.status, JSON.parse(legacyBadVersion.text).id]).toEqual([400, 41]);
    } finally {
      await db.project.update({ where: { id: projectId }, data: { credentialCallsPerMinute: 300 } });
      getRateLimiter().setClock(Date.now);
      await client.close();
      await tampered.close();
    }
  });
});
