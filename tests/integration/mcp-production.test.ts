// The production MCP endpoint over real HTTP with the real SDK v2 client: what it serves before and
// after publishing, what is pinned and what is live, rollback, and its credentials.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as productionMetadataRoute from "@/app/.well-known/oauth-protected-resource/mcp/[org]/[project]/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import type { ProjectAccess } from "@/lib/access";
import { createComponent, updateComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { updateProject } from "@/lib/projects/projects";
import { setSecret } from "@/lib/tools/secrets";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import {
  connectClient,
  createProjectWithDraftToken,
  parseJsonRpc,
  postJsonRpc,
  startRouteServer,
  type Era,
  type TestHttpServer,
} from "./mcp-helpers";
import { publishingApi, type PublishingApi } from "./publish-helpers";

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

let fixture: OrgFixture;
let server: TestHttpServer;
let upstream: { server: Server; host: string };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
    { pattern: /^\/\.well-known\/oauth-protected-resource\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionMetadataRoute },
  ]);
  // An outside API a tool may fetch once its (live) allowed domains say so. 127.0.0.2 is the one
  // private address the integration run lets handlers reach (global-setup.ts).
  const api = createServer((_request, response) => response.end(JSON.stringify({ rate: 1.1 })));
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.2", resolve));
  upstream = { server: api, host: `127.0.0.2:${(api.address() as AddressInfo).port}` };
});

afterAll(async () => {
  await server?.close();
  upstream?.server.close();
});

/** A project with a draft token, a production token and the given tools, not yet published. */
async function newProject(options: { instructions?: string } = {}) {
  const orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug, instructions: options.instructions });
  const api = publishingApi({ orgSlug, projectSlug: created.project.slug });
  const productionToken = (await api.createToken(fixture.users.owner)).body.token!;
  const url = `${server.origin}/mcp/${orgSlug}/${created.project.slug}`;
  return { ...created, api, productionToken, url, draftUrl: `${url}/draft` };
}

const publish = async (api: PublishingApi, changelog = "Release") => {
  const response = await api.publish(fixture.users.owner, { changelog });
  expect(response.status).toBe(201);
  return response.body;
};

const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
  (await client.callTool({ name, arguments: args })) as ToolResult;
const toolNames = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name);

describe("production endpoint before the first publish", () => {
  it("answers 409 with a JSON-RPC error naming the draft endpoint, so clients stop instead of looping", async () => {
    const { url, draftUrl, productionToken } = await newProject();
    const response = await postJsonRpc(url, initialize, { Authorization: `Bearer ${productionToken}` });
    expect(response.status).toBe(409);
    expect(parseJsonRpc(response.text).error).toEqual({
      code: -32000,
      message: `Not published yet: this project has no production version. Publish it in the studio first, or connect to the draft endpoint ${draftUrl} to test.`,
    });
    await expect(connectClient({ url, token: productionToken, era: "legacy" })).rejects.toThrow(/Not published yet/);
  });

  it("asks for credentials first on a private project, and answers 404 for a project that does not exist", async () => {
    const { url } = await newProject();
    expect((await postJsonRpc(url, initialize)).status).toBe(401);
    expect((await postJsonRpc(`${server.origin}/mcp/${fixture.organization.slug}/no-such-project`, initialize)).status).toBe(404);
  });
});

describe("production endpoint serving packages", () => {
  let project: Awaited<ReturnType<typeof newProject>>;
  let access: ProjectAccess;

  beforeAll(async () => {
    project = await newProject({ instructions: "Be brief." });
    access = project.access;
    await createComponent({ access, input: { name: "card", html: "<div>card v1</div>", csp: { connectDomains: ["api.example.com"] } } });
    await createTool({ access, input: { name: "greet", kind: "data", handler: "async () => ({ version: 1 })" } });
    await createTool({
      access,
      // The length proves which value reached the handler without the value leaving the sandbox.
      input: {
        name: "use_secret",
        kind: "data",
        handler: "async (props, env) => ({ keyLength: (env.secrets.API_KEY ?? '').length, environment: env.environment })",
      },
    });
    await createTool({
      access,
      input: {
        name: "fetch_rate",
        kind: "data",
        inputSchema: { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
        handler: "async (props) => (await fetch(props.url)).json()",
      },
    });
    await createTool({
      access,
      input: {
        name: "show_card",
        kind: "ui",
        component: "card",
        inputSchema: { type: "object", properties: { title: { type: "string" } } },
      },
    });
    await setSecret({ access, actor: fixture.users.owner, toolName: "use_secret", key: "API_KEY", value: "first-secret" });
    await publish(project.api, "First release");
  });

  it.each<Era>(["modern", "legacy"])("serves the package's tools, components and version to a %s-era client", async (era) => {
    const client = await connectClient({ url: project.url, token: project.productionToken, era });
    try {
      expect(client.getProtocolEra()).toBe(era);
      expect(client.getServerVersion()).toMatchObject({ name: "MCP Test Project", version: "1.0.0" });
      expect(client.getInstructions()).toBe("Be brief.");
      expect(await toolNames(client)).toEqual(["fetch_rate", "greet", "show_card", "use_secret"]);
      expect((await call(client, "greet")).structuredContent).toEqual({ version: 1 });
      expect((await call(client, "use_secret")).structuredContent).toEqual({ keyLength: "first-secret".length, environment: "production" });
      const card = (await client.listTools()).tools.find((tool) => tool.name === "show_card");
      const uri = `ui://${project.project.slug}/card`;
      expect(card?._meta).toEqual({ ui: { resourceUri: uri }, "ui/resourceUri": uri });
      const read = await client.readResource({ uri: `ui://${project.project.slug}/card` });
      expect(read.contents[0]).toMatchObject({ text: "<div>card v1</div>", mimeType: "text/html;profile=mcp-app" });
    } finally {
      await client.close();
    }
  });

  it("never changes with draft edits; a publish reaches an already connected client on its next tools/list", async () => {
    const client = await connectClient({ url: project.url, token: project.productionToken, era: "modern" });
    const draft = await connectClient({ url: project.draftUrl, token: project.token, era: "modern" });
    try {
      await updateTool({ access, name: "greet", input: { handler: "async () => ({ version: 2 })" } });
      await createTool({ access, input: { name: "added_later", kind: "data" } });
      await updateComponent({ access, name: "card", input: { html: "<div>card v2</div>" } });

      expect((await call(draft, "greet")).structuredContent).toEqual({ version: 2 });
      expect((await call(client, "greet")).structuredContent).toEqual({ version: 1 });
      expect(await toolNames(client)).not.toContain("added_later");
      expect((await client.readResource({ uri: `ui://${project.project.slug}/card` })).contents[0]).toMatchObject({
        text: "<div>card v1</div>",
      });

      expect((await publish(project.api, "Second release")).version).toBe("1.1.0");
      expect(await toolNames(client)).toContain("added_later");
      expect((await call(client, "greet")).structuredContent).toEqual({ version: 2 });
      expect((await client.readResource({ uri: `ui://${project.project.slug}/card` })).contents[0]).toMatchObject({
        text: "<div>card v2</div>",
      });
    } finally {
      await client.close();
      await draft.close();
    }
  });

  it("serves the previous package from the next request after a rollback", async () => {
    const client = await connectClient({ url: project.url, token: project.productionToken, era: "modern" });
    try {
      expect((await project.api.rollback(fixture.users.owner, "1.0.0")).status).toBe(200);
      expect(await toolNames(client)).not.toContain("added_later");
      expect((await call(client, "greet")).structuredContent).toEqual({ version: 1 });
      const fresh = await connectClient({ url: project.url, token: project.productionToken, era: "legacy" });
      expect(fresh.getServerVersion()?.version).toBe("1.0.0");
      await fresh.close();
      expect((await project.api.rollback(fixture.users.owner, "1.1.0")).status).toBe(200);
      expect((await call(client, "greet")).structuredContent).toEqual({ version: 2 });
    } finally {
      await client.close();
    }
  });

  it("reads Instructions, secrets and allowed domains live, without a republish", async () => {
    await updateProject({ access, actor: fixture.users.owner, input: { instructions: "Be very brief." } });
    await setSecret({ access, actor: fixture.users.owner, toolName: "use_secret", key: "API_KEY", value: "rotated-secret-value" });
    const client = await connectClient({ url: project.url, token: project.productionToken, era: "modern" });
    try {
      expect(client.getInstructions()).toBe("Be very brief.");
      expect((await call(client, "use_secret")).structuredContent).toEqual({
        keyLength: "rotated-secret-value".length,
        environment: "production",
      });

      const url = `http://${upstream.host}/rate`;
      const blocked = await call(client, "fetch_rate", { url });
      expect(blocked.isError).toBe(true);
      expect(JSON.stringify(blocked.structuredContent)).toContain("is not in this tool's allowed domains");
      await updateTool({ access, name: "fetch_rate", input: { allowedDomains: [upstream.host] } });
      expect((await call(client, "fetch_rate", { url })).structuredContent).toEqual({ rate: 1.1 });
      expect((await project.api.preview(fixture.users.owner)).body.changed).toBe(false);
    } finally {
      await client.close();
    }
  });

  it("keeps serving a published tool deleted from the draft, with no secrets and no allowed domains", async () => {
    await deleteTool({ access, name: "use_secret" });
    const client = await connectClient({ url: project.url, token: project.productionToken, era: "modern" });
    try {
      expect(await toolNames(client)).toContain("use_secret");
      expect((await call(client, "use_secret")).structuredContent).toEqual({ keyLength: 0, environment: "production" });
    } finally {
      await client.close();
    }
  });
});

describe("production credentials", () => {
  let project: Awaited<ReturnType<typeof newProject>>;
  const metadataUrl = (url: string) => url.replace(server.origin, `${server.origin}/.well-known/oauth-protected-resource`);
  const refused = (url: string) =>
    `Bearer error="invalid_token", error_description="Unauthorized: the token is not valid for this project's production endpoint (it may have been revoked; draft tokens only open the draft endpoint)", resource_metadata="${metadataUrl(url)}", scope="mcp"`;

  beforeAll(async () => {
    project = await newProject();
    await createTool({ access: project.access, input: { name: "greet", kind: "data" } });
    await publish(project.api);
  });

  it("refuses anonymous calls to a private project with 401 and the challenge pointing at the production metadata", async () => {
    const response = await postJsonRpc(project.url, initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${metadataUrl(project.url)}", scope="mcp"`);
    expect(parseJsonRpc(response.text).error?.message).toContain("production access token");
  });

  it("publishes the protected resource metadata with resource = the production URL exactly", async () => {
    const response = await fetch(metadataUrl(project.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      resource: project.url,
      authorization_servers: [server.origin],
      scopes_supported: ["mcp"],
      bearer_methods_supported: ["header"],
      resource_name: `${fixture.organization.slug}/${project.project.slug}`,
    });
    expect((await fetch(`${server.origin}/.well-known/oauth-protected-resource/mcp/${fixture.organization.slug}/nope`)).status).toBe(404);
  });

  it("never accepts a draft token on production, nor a production token on the draft endpoint", async () => {
    const onProduction = await postJsonRpc(project.url, initialize, { Authorization: `Bearer ${project.token}` });
    expect(onProduction.status).toBe(401);
    expect(onProduction.headers.get("www-authenticate")).toBe(refused(project.url));

    const onDraft = await postJsonRpc(project.draftUrl, initialize, { Authorization: `Bearer ${project.productionToken}` });
    expect(onDraft.status).toBe(401);
    expect(onDraft.headers.get("www-authenticate")).toContain(`resource_metadata="${metadataUrl(project.draftUrl)}"`);
  });

  it("refuses another project's production token", async () => {
    const other = await newProject();
    const response = await postJsonRpc(project.url, initialize, { Authorization: `Bearer ${other.productionToken}` });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(refused(project.url));
  });

  it("refuses a revoked token on the next request, and records when a token was last used", async () => {
    const created = await project.api.createToken(fixture.users.admin, "Revoke me");
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^atl_prod_/);
    const auth = { Authorization: `Bearer ${created.body.token}` };
    expect((await postJsonRpc(project.url, initialize, auth)).status).toBe(200);
    const used = await db.productionToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    expect((await project.api.revokeToken(fixture.users.admin, created.body.id)).status).toBe(204);
    const after = await postJsonRpc(project.url, initialize, auth);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toBe(refused(project.url));
    expect((await project.api.revokeToken(fixture.users.admin, created.body.id)).status).toBe(404);
  });

  it("accepts anonymous calls once the project is public, and refuses them again when it is private", async () => {
    await db.project.update({ where: { id: project.project.id }, data: { visibility: "PUBLIC" } });
    const anonymous = await connectClient({ url: project.url, token: null, era: "modern" });
    try {
      expect(await toolNames(anonymous)).toEqual(["greet"]);
      expect((await call(anonymous, "greet")).structuredContent).toEqual({ ok: true });
      // A token that is sent must still be valid, public or not.
      expect((await postJsonRpc(project.url, initialize, { Authorization: "Bearer atl_prod_not_a_real_token" })).status).toBe(401);
      // Drafts are always private.
      expect((await postJsonRpc(project.draftUrl, initialize)).status).toBe(401);
    } finally {
      await anonymous.close();
      await db.project.update({ where: { id: project.project.id }, data: { visibility: "PRIVATE" } });
    }
    expect((await postJsonRpc(project.url, initialize)).status).toBe(401);
  });
});

describe("production tokens API", () => {
  it("shows the value once, lists tokens without it, and audits creation and revocation", async () => {
    const { api, project } = await newProject();
    const created = await api.createToken(fixture.users.projectOwner, "ChatGPT connector");
    // The fixture's project owner owns only the fixture's project: here they are a Viewer.
    expect(created.status).toBe(403);

    const made = await api.createToken(fixture.users.owner, "ChatGPT connector");
    expect(made.body).toEqual({
      id: expect.any(String),
      name: "ChatGPT connector",
      prefix: made.body.token!.slice(0, 12),
      token: expect.stringMatching(/^atl_prod_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
      createdBy: { id: fixture.users.owner.id, name: fixture.users.owner.name, email: fixture.users.owner.email },
    });
    const listed = await api.listTokens(fixture.users.admin);
    expect(listed.body.data.map((token) => token.name)).toEqual(["ChatGPT connector", "Claude Desktop"]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token!);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash/i);

    await api.revokeToken(fixture.users.owner, made.body.id);
    expect((await api.listTokens(fixture.users.owner)).body.data.map((token) => token.name)).toEqual(["Claude Desktop"]);
    const events = await db.auditEvent.findMany({ where: { targetId: made.body.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.targetLabel])).toEqual([
      ["production_token.create", `${project.slug}/ChatGPT connector`],
      ["production_token.revoke", `${project.slug}/ChatGPT connector`],
    ]);
    expect(JSON.stringify(events)).not.toContain(made.body.token!);
  });
});
