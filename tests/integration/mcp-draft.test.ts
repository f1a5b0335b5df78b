// The draft MCP endpoint over real HTTP, with the real SDK v2 client in both protocol eras.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as wellKnownRoute from "@/app/.well-known/oauth-protected-resource/mcp/[org]/[project]/draft/route";
import * as draftTokenRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft-token/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import type { ProjectAccess } from "@/lib/access";
import { createComponent, updateComponent } from "@/lib/components/components";
import { updateProject } from "@/lib/projects/projects";
import { callTool } from "@/lib/mcp/call-tool";
import { serveProject } from "@/lib/mcp/serve-project";
import type { ToolCallRecord } from "@/lib/mcp/types";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { setSecret } from "@/lib/tools/secrets";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import type { CreateToolInput } from "@/lib/tools/tool-input";
import { asSession, call, createOrgWithMembers, createTestOrganization, createTestUser, type OrgFixture } from "./helpers";
import {
  connectClient,
  createProjectWithDraftToken,
  parseJsonRpc,
  postJsonRpc,
  startRouteServer,
  type Era,
  type TestHttpServer,
} from "./mcp-helpers";

const SECRET_VALUE = "sk-live-0123456789abcdef";
const INSTRUCTIONS = "Use quote_price for every price question.";

const priceSchema = { type: "object", properties: { price: { type: "string" } }, required: ["price"], additionalProperties: false };

const tools: CreateToolInput[] = [
  {
    name: "quote_price",
    kind: "data",
    title: "Quote a price",
    description: "Quotes a price",
    inputSchema: priceSchema,
    outputSchema: { type: "object", properties: { quoted: { type: "string" } }, required: ["quoted"] },
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: "async (props) => ({ quoted: props.price })",
  },
  {
    name: "bad_output",
    kind: "data",
    outputSchema: { type: "object", properties: { total: { type: "number" } }, required: ["total"] },
    handler: "async () => ({ total: 'twelve' })",
  },
  { name: "explode", kind: "data", handler: "async () => { throw new Error('Upstream said no'); }" },
  { name: "spin", kind: "data", timeoutMs: 200, handler: "async () => { while (true) {} }" },
  {
    name: "use_secret",
    kind: "data",
    handler: `async (props, env) => {
      console.log("key is", env.secrets.API_KEY);
      return { keyLength: env.secrets.API_KEY.length, echoed: env.secrets.API_KEY, locale: env.locale, environment: env.environment };
    }`,
  },
  { name: "greet", kind: "data", handler: "async () => ({ version: 1 })" },
  { name: "list_numbers", kind: "data", handler: "async () => [1, 2, 3]" },
  {
    name: "chart",
    kind: "data",
    handler: "async () => mcp.result({ content: [mcp.text('A chart')], structuredContent: { points: 3 } })",
  },
  {
    name: "show_card",
    kind: "ui",
    title: "Show a card",
    description: "Shows a card",
    component: "card",
    allowedComponents: ["badge"],
    inputSchema: { type: "object", properties: { title: { type: "string" }, slot: {}, links: { type: "array" } }, required: ["title"] },
  },
];

let fixture: OrgFixture;
let access: ProjectAccess;
let token: string;
let server: TestHttpServer;
let endpoint: string;
let orgSlug: string;
let projectSlug: string;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug, instructions: INSTRUCTIONS });
  ({ access, token } = created);
  projectSlug = created.project.slug;
  await createComponent({
    access,
    input: {
      name: "card",
      html: "<!doctype html><div id=card></div>",
      csp: { connectDomains: ["api.example.com"], resourceDomains: ["https://cdn.example.com"] },
    },
  });
  await createComponent({ access, input: { name: "badge", html: "<span>badge</span>" } });
  await createComponent({ access, input: { name: "admin_panel", html: "<div>admin</div>" } });
  for (const input of tools) await createTool({ access, input });
  await setSecret({ access, actor: fixture.users.owner, toolName: "use_secret", key: "API_KEY", value: SECRET_VALUE });

  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/\.well-known\/oauth-protected-resource\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: wellKnownRoute },
  ]);
  endpoint = `${server.origin}/mcp/${orgSlug}/${projectSlug}/draft`;
});

afterAll(async () => {
  await server?.close();
});

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

describe.each<Era>(["modern", "legacy"])("draft endpoint, %s era", (era) => {
  let client: Client;

  beforeAll(async () => {
    client = await connectClient({ url: endpoint, token, era, headers: { "Accept-Language": "fr-CA,fr;q=0.8" } });
  });

  afterAll(async () => {
    await client?.close();
  });

  const callTool = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;

  it("negotiates the era and names the project, with its Instructions", () => {
    expect(client.getProtocolEra()).toBe(era);
    expect(client.getServerVersion()).toMatchObject({ name: "MCP Test Project", version: "draft" });
    expect(client.getInstructions()).toBe(INSTRUCTIONS);
  });

  it("lists tools with schemas, annotations and the UI resource URI", async () => {
    const { tools: listed } = await client.listTools();
    expect(listed.map((tool) => tool.name)).toEqual([...tools.map((tool) => tool.name)].sort());
    const quote = listed.find((tool) => tool.name === "quote_price");
    expect(quote).toMatchObject({
      title: "Quote a price",
      description: "Quotes a price",
      inputSchema: priceSchema,
      outputSchema: { type: "object", properties: { quoted: { type: "string" } }, required: ["quoted"] },
      annotations: { readOnlyHint: true, openWorldHint: false },
    });
    expect(quote?._meta).toBeUndefined();
    expect(listed.find((tool) => tool.name === "explode")).not.toHaveProperty("outputSchema");
    expect(listed.find((tool) => tool.name === "show_card")?._meta).toEqual({
      ui: { resourceUri: `ui://${projectSlug}/card` },
      "ui/resourceUri": `ui://${projectSlug}/card`,
    });
  });

  it("calls a Data Tool: structuredContent plus the same JSON as text", async () => {
    const result = await callTool("quote_price", { price: "12.50" });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ quoted: "12.50" });
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify({ quoted: "12.50" }) }]);
  });

  it("wraps non-object output as { result } and passes mcp.result content blocks through", async () => {
    const numbers = await callTool("list_numbers");
    expect(numbers.structuredContent).toEqual({ result: [1, 2, 3] });
    const chart = await callTool("chart");
    expect(chart.content).toEqual([{ type: "text", text: "A chart" }]);
    expect(chart.structuredContent).toEqual({ points: 3 });
  });

  it("refuses invalid arguments before running anything, with a path the model can act on", async () => {
    const result = await callTool("quote_price", { price: 12 });
    const error = { code: "schema_validation_failed", message: "Property 'price' must be a string, got number", path: "/price" };
    expect(result.isError).toBe(true);
    // quote_price has an outputSchema: its error results carry the error in the text only (tool-results.ts).
    expect(result.structuredContent).toBeUndefined();
    expect(JSON.parse(result.content[0].text ?? "")).toEqual({ error });
  });

  it("refuses output that breaks the output schema", async () => {
    const result = await callTool("bad_output");
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(JSON.parse(result.content[0].text ?? "")).toEqual({
      error: {
        code: "output_validation_failed",
        message: expect.stringContaining("Property 'total' must be a number, got string"),
        path: "/total",
      },
    });
  });

  it("turns a throwing handler into an isError result with its message", async () => {
    const result = await callTool("explode");
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({ error: { code: "handler_error", message: "Upstream said no" } });
  });

  it("times out a runaway handler while a concurrent call on another tool succeeds", async () => {
    const finished: string[] = [];
    const spinning = callTool("spin").finally(() => finished.push("spin"));
    const quoting = callTool("quote_price", { price: "1" }).finally(() => finished.push("quote"));
    const [spin, quote] = await Promise.all([spinning, quoting]);
    expect(quote.structuredContent).toEqual({ quoted: "1" });
    expect(finished).toEqual(["quote", "spin"]);
    expect(spin.isError).toBe(true);
    expect(spin.structuredContent).toEqual({ error: { code: "timeout", message: "Handler timed out after 200 ms" } });
  });

  it("gives handlers their secrets and env, and never returns a secret", async () => {
    const result = await callTool("use_secret");
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      keyLength: SECRET_VALUE.length,
      echoed: "[redacted]",
      locale: "fr-CA",
      environment: "draft",
    });
    // The console output reaches the test panel, with the secret redacted.
    expect((result as { _meta?: Record<string, unknown> })._meta?.["atelier/logs"]).toEqual([
      expect.objectContaining({ level: "log", message: "key is [redacted]" }),
    ]);
    expect(JSON.stringify(result)).not.toContain(SECRET_VALUE);
  });

  it("returns a UI Tool's validated props and serves its component with the MCP Apps profile and CSP", async () => {
    const props = { title: "Hello", slot: { $component: "badge" }, links: [`ui://${projectSlug}/card`] };
    const result = await callTool("show_card", props);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(props);

    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual(
      ["admin_panel", "badge", "card"].map((name) => `ui://${projectSlug}/${name}`),
    );
    const read = await client.readResource({ uri: `ui://${projectSlug}/card` });
    expect(read.contents).toEqual([
      {
        uri: `ui://${projectSlug}/card`,
        mimeType: "text/html;profile=mcp-app",
        text: "<!doctype html><div id=card></div>",
        _meta: {
          ui: { csp: { connectDomains: ["https://api.example.com"], resourceDomains: ["https://cdn.example.com"] }, prefersBorder: true },
        },
      },
    ]);
    await expect(client.readResource({ uri: `ui://${projectSlug}/nope` })).rejects.toThrow();
  });

  it("refuses props that reference a component outside the allowlist, returning nothing else", async () => {
    const byObject = await callTool("show_card", { title: "x", slot: { $component: "admin_panel" } });
    expect(byObject).toMatchObject({
      isError: true,
      structuredContent: {
        error: {
          code: "component_not_allowed",
          message: "Component 'admin_panel' is not in this tool's allowlist",
          path: "/slot/$component",
        },
      },
    });
    expect(JSON.stringify(byObject)).not.toContain('"title"');
    const byUri = await callTool("show_card", { title: "x", links: ["fine", `ui://${projectSlug}/admin_panel`] });
    expect(byUri.structuredContent).toEqual({
      error: { code: "component_not_allowed", message: "Component 'admin_panel' is not in this tool's allowlist", path: "/links/1" },
    });
  });

  it("answers an unknown tool with a protocol error", async () => {
    await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toThrow(/Unknown tool: no_such_tool/);
  });

  it("serves an edit on the next call, without a restart", async () => {
    await updateTool({ access, name: "greet", input: { handler: "async () => ({ version: 1 })" } });
    expect((await callTool("greet")).structuredContent).toEqual({ version: 1 });
    await updateTool({ access, name: "greet", input: { handler: `async () => ({ version: 2, era: "${era}" })` } });
    expect((await callTool("greet")).structuredContent).toEqual({ version: 2, era });
  });

  it("serves every kind of draft change on the next request (the cached snapshot follows the draft revision)", async () => {
    const names = async () => (await client.listTools()).tools.map((tool) => tool.name);
    await createTool({ access, input: { name: `added_${era}`, kind: "data", handler: "async () => ({})" } });
    expect(await names()).toContain(`added_${era}`);
    await deleteTool({ access, name: `added_${era}` });
    expect(await names()).not.toContain(`added_${era}`);

    await updateComponent({ access, name: "badge", input: { html: `<p>badge ${era}</p>` } });
    const read = await client.readResource({ uri: `ui://${projectSlug}/badge` });
    expect((read.contents[0] as { text: string }).text).toBe(`<p>badge ${era}</p>`);

    await updateProject({ access, actor: fixture.users.owner, input: { instructions: `Instructions for ${era}` } });
    const fresh = await connectClient({ url: endpoint, token, era });
    expect(fresh.getInstructions()).toBe(`Instructions for ${era}`);
    await fresh.close();
    await updateProject({ access, actor: fixture.users.owner, input: { instructions: INSTRUCTIONS } });
  });
});

describe("tool call records", () => {
  const context = { environment: "draft" as const, locale: "en" };

  it("returns the logs, duration and error type of every call beside its result", async () => {
    const snapshot = await loadDraftSnapshot({ projectId: access.project.id });
    const run = (name: string, args: Record<string, unknown> = {}) =>
      callTool({
        snapshot,
        tool: snapshot.tools.find((tool) => tool.name === name)!,
        arguments: args,
        context: { ...context, projectSlug },
      });

    const ok = await run("use_secret");
    expect(ok.record).toMatchObject({ toolName: "use_secret", environment: "draft", status: "success", arguments: {} });
    expect(ok.record.logs).toEqual([expect.objectContaining({ level: "log", message: "key is [redacted]" })]);
    expect(ok.record.durationMs).toBeGreaterThan(0);
    expect((await run("spin")).record).toMatchObject({ status: "error", errorType: "timeout", errorCode: "timeout" });
    expect((await run("explode")).record).toMatchObject({ status: "error", errorType: "runtime", errorCode: "handler_error" });
    expect((await run("quote_price", { price: 1 })).record).toMatchObject({
      errorType: "validation",
      errorCode: "schema_validation_failed",
    });
    expect((await run("bad_output")).record).toMatchObject({ errorType: "validation", errorCode: "output_validation_failed" });
    expect((await run("show_card", { title: "x", slot: { $component: "admin_panel" } })).record).toMatchObject({
      errorType: "validation",
      errorCode: "component_not_allowed",
    });
  });

  it("hands each record to the server's onToolCall hook", async () => {
    const records: ToolCallRecord[] = [];
    const request = new Request("http://localhost/mcp", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "quote_price", arguments: { price: "2" } } }),
    });
    const response = await serveProject({
      request,
      address: { origin: "http://localhost", orgSlug, projectSlug, environment: "draft" },
      snapshot: await loadDraftSnapshot({ projectId: access.project.id }),
      token,
      context: {
        ...context,
        projectSlug,
        version: "draft",
        caller: { kind: "draft_token" },
        clientIp: null,
        onToolCall: (record) => void records.push(record),
      },
    });
    expect(parseJsonRpc(await response.text()).result).toMatchObject({ structuredContent: { quoted: "2" } });
    expect(records).toEqual([expect.objectContaining({ toolName: "quote_price", status: "success", arguments: { price: "2" } })]);
  });
});

describe("draft endpoint, raw 2025-era JSON-RPC", () => {
  it("serves initialize, tools/list and tools/call to a client that sends MCP-Protocol-Version 2025-11-25", async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const init = await postJsonRpc(
      endpoint,
      {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      },
      auth,
    );
    expect(init.status).toBe(200);
    expect(parseJsonRpc(init.text).result).toMatchObject({
      protocolVersion: "2025-11-25",
      instructions: INSTRUCTIONS,
      serverInfo: { name: "MCP Test Project" },
    });

    const headers = { ...auth, "MCP-Protocol-Version": "2025-11-25" };
    const initialized = await postJsonRpc(endpoint, { jsonrpc: "2.0", method: "notifications/initialized" }, headers);
    expect(initialized.status).toBe(202);
    const list = parseJsonRpc((await postJsonRpc(endpoint, { jsonrpc: "2.0", id: 2, method: "tools/list" }, headers)).text);
    expect(((list.result?.tools ?? []) as Array<{ name: string }>).map((tool) => tool.name)).toContain("quote_price");
    const called = parseJsonRpc(
      (
        await postJsonRpc(
          endpoint,
          { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "quote_price", arguments: { price: "3" } } },
          headers,
        )
      ).text,
    );
    expect(called.result).toMatchObject({ structuredContent: { quoted: "3" } });
  });
});

describe("draft endpoint, authentication", () => {
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };
  const metadataUrl = () => `${server.origin}/.well-known/oauth-protected-resource/mcp/${orgSlug}/${projectSlug}/draft`;

  it("answers a request without a token with 401 and the metadata challenge", async () => {
    const response = await postJsonRpc(endpoint, initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${metadataUrl()}", scope="mcp"`);
    expect(parseJsonRpc(response.text).error).toMatchObject({ code: -32000, message: expect.stringContaining("draft token") });
  });

  it("refuses another project's draft token and a rotated-out token with invalid_token", async () => {
    const other = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    const rotatedOut = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    const stale = rotatedOut.token;
    await draftTokenRotation(rotatedOut.project.slug);
    const rotatedEndpoint = `${server.origin}/mcp/${orgSlug}/${rotatedOut.project.slug}/draft`;

    for (const [url, bearer] of [
      [endpoint, other.token],
      [rotatedEndpoint, stale],
      [endpoint, "atl_draft_not_a_real_token"],
    ] as const) {
      const response = await postJsonRpc(url, initialize, { Authorization: `Bearer ${bearer}` });
      expect(response.status).toBe(401);
      const metadata = url.replace(server.origin, `${server.origin}/.well-known/oauth-protected-resource`);
      expect(response.headers.get("www-authenticate")).toBe(
        `Bearer error="invalid_token", error_description="Unauthorized: the draft token is not valid for this project (it may have been rotated)", resource_metadata="${metadata}", scope="mcp"`,
      );
    }
  });

  it("publishes the protected resource metadata at the challenge's URL, with resource = the endpoint URL", async () => {
    const challenge = (await postJsonRpc(endpoint, initialize)).headers.get("www-authenticate") ?? "";
    const url = /resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? "";
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      resource: endpoint,
      authorization_servers: [server.origin],
      scopes_supported: ["mcp"],
      bearer_methods_supported: ["header"],
      resource_name: `${orgSlug}/${projectSlug} (draft)`,
    });
    const unknown = await fetch(`${server.origin}/.well-known/oauth-protected-resource/mcp/${orgSlug}/no-such-project/draft`);
    expect(unknown.status).toBe(404);
  });

  it("rotates the draft token through the API: the old token gets 401 on the next request", async () => {
    const rotated = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    const url = `${server.origin}/mcp/${orgSlug}/${rotated.project.slug}/draft`;
    expect((await postJsonRpc(url, initialize, { Authorization: `Bearer ${rotated.token}` })).status).toBe(200);

    const body = await draftTokenRotation(rotated.project.slug);
    expect(body).toMatchObject({ token: expect.stringMatching(/^atl_draft_/), prefix: expect.any(String), rotatedAt: expect.any(String) });
    expect((await postJsonRpc(url, initialize, { Authorization: `Bearer ${rotated.token}` })).status).toBe(401);
    expect((await postJsonRpc(url, initialize, { Authorization: `Bearer ${body.token}` })).status).toBe(200);
  });

  it("lets only maintainers rotate, and hides the project from other organizations", async () => {
    const params = { org: orgSlug, project: projectSlug };
    const path = `/app/v1/organizations/${orgSlug}/projects/${projectSlug}/draft-token`;
    const editor = await call(draftTokenRoute.POST, { method: "POST", path, headers: await asSession(fixture.users.editor), params });
    expect(editor.status).toBe(403);
    const stranger = await createTestUser();
    await createTestOrganization(stranger);
    const foreign = await call(draftTokenRoute.POST, { method: "POST", path, headers: await asSession(stranger), params });
    expect(foreign.status).toBe(404);
  });

  async function draftTokenRotation(project: string) {
    const response = await call<{ token: string; prefix: string; rotatedAt: string }>(draftTokenRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${orgSlug}/projects/${project}/draft-token`,
      headers: await asSession(fixture.users.owner),
      params: { org: orgSlug, project },
    });
    expect(response.status).toBe(200);
    return response.body;
  }
});

describe("draft endpoint, request guards", () => {
  const list = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };
  const auth = () => ({ Authorization: `Bearer ${token}` });

  it("refuses unknown browser origins with 403 and serves claude.ai, our own origin and origin-less clients", async () => {
    const evil = await postJsonRpc(endpoint, list, { ...auth(), Origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(parseJsonRpc(evil.text).error).toMatchObject({ code: -32000 });

    const claude = await postJsonRpc(endpoint, list, { ...auth(), Origin: "https://claude.ai" });
    expect(claude.status).toBe(200);
    expect(claude.headers.get("access-control-allow-origin")).toBe("https://claude.ai");
    expect((await postJsonRpc(endpoint, list, { ...auth(), Origin: server.origin })).status).toBe(200);
    expect((await postJsonRpc(endpoint, list, auth())).status).toBe(200);
    expect((await postJsonRpc(endpoint, list, { ...auth(), Origin: "http://claude.ai" })).status).toBe(403);
  });

  it("answers a CORS preflight for allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(endpoint, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization" },
      });
    const allowed = await preflight("https://chatgpt.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect((await preflight("https://evil.example")).status).toBe(403);
  });

  it("refuses bodies over 1 MB with 413, by Content-Length and while reading a chunked body", async () => {
    const big = JSON.stringify({ ...list, padding: "x".repeat(1024 * 1024) });
    const declared = await postJsonRpc(endpoint, big, auth());
    expect(declared.status).toBe(413);
    expect(parseJsonRpc(declared.text).error).toMatchObject({ code: -32000, message: expect.stringContaining("Payload Too Large") });

    const encoder = new TextEncoder();
    const chunked = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...auth() },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(encoder.encode("x".repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("answers malformed JSON with a JSON-RPC parse error and no stack trace", async () => {
    const response = await postJsonRpc(endpoint, '{"jsonrpc": "2.0", "method": ', auth());
    expect(response.status).toBe(400);
    expect(parseJsonRpc(response.text).error).toMatchObject({ code: -32700 });
    expect(response.text).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
  });

  it("answers GET (no sessions on this stateless endpoint) with 405, not an error page", async () => {
    const response = await fetch(endpoint, { headers: { ...auth(), Accept: "text/event-stream" } });
    expect(response.status).toBe(405);
  });
});
