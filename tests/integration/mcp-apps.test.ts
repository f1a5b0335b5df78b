// MCP Apps on the draft endpoint, over real HTTP with the real SDK v2 client: TSX components
// compiled at save, the ext-apps App client inlined into served documents, the metadata hosts read,
// tool visibility, and the studio's component frame with its CSP as a response header.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as componentRoute from "@/app/app/v1/organizations/[org]/projects/[project]/components/[name]/route";
import * as componentsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/components/route";
import * as componentFrameRoute from "@/app/component-frame/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import type { ProjectAccess } from "@/lib/access";
import { createComponent } from "@/lib/components/components";
import { createTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, sessionCookie, type OrgFixture } from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

const TSX_SOURCE = `import { useState } from "react";
export default function View({ result }: { result?: { structuredContent?: { label?: string } } }) {
  const [count] = useState(1);
  return <p id="label">{result?.structuredContent?.label ?? "none"} {count}</p>;
}
`;

let fixture: OrgFixture;
let access: ProjectAccess;
let token: string;
let server: TestHttpServer;
let endpoint: string;
let projectSlug: string;
let params: { org: string; project: string };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  ({ access, token } = created);
  projectSlug = created.project.slug;
  params = { org: fixture.organization.slug, project: projectSlug };
  await createComponent({
    access,
    input: {
      name: "uses-app",
      html: "<!doctype html><html><body><script type=module>const app = new McpApps.App({ name: 'x', version: '1' });</script></body></html>",
      title: "Uses the App client",
      description: "A card",
      prefersBorder: false,
    },
  });
  await createComponent({ access, input: { name: "static", html: "<p>static</p>" } });
  await createTool({ access, input: { name: "show_it", kind: "ui", component: "uses-app" } });
  await createTool({
    access,
    input: { name: "refresh_data", kind: "data", visibility: ["app"], handler: "async () => ({ fresh: true })" },
  });
  await createTool({ access, input: { name: "model_only", kind: "data", visibility: ["model"], handler: "async () => ({})" } });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  endpoint = `${server.origin}/mcp/${params.org}/${projectSlug}/draft`;
});

afterAll(async () => {
  await server?.close();
});

const componentsPath = () => `/app/v1/organizations/${params.org}/projects/${params.project}/components`;

/** A 2026-07-28 client that declares (or not) that it renders MCP Apps. */
async function modernClient(rendersApps: boolean): Promise<Client> {
  const client = new Client(
    { name: rendersApps ? "apps-host" : "plain-agent", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: "2026-07-28" } },
      capabilities: rendersApps ? { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } } : {},
    },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(endpoint), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

describe("TSX components", () => {
  it("compiles at save into one self-contained document with React and the App client inlined", async () => {
    const response = await call<{ kind: string; source: string; html: string }>(componentsRoute.POST, {
      method: "POST",
      path: componentsPath(),
      headers: await asSession(fixture.users.owner),
      params,
      body: { name: "tsx-card", kind: "tsx", source: TSX_SOURCE },
    });
    expect(response.status).toBe(201);
    expect(response.body.kind).toBe("tsx");
    expect(response.body.source).toBe(TSX_SOURCE);
    expect(response.body.html).toMatch(/^<!doctype html>/);
    expect(response.body.html).toContain('<div id="root"></div>');
    expect(response.body.html).toContain("ui/initialize");
    expect(response.body.html).not.toMatch(/<script[^>]+src=/);
  });

  it("refuses a compile error on save with 422, the file, line and column", async () => {
    const broken = `export default function View() {\n  const x = ;\n  return <p>{x}</p>;\n}\n`;
    const response = await call<{ error: { code: string; message: string; details: { compile: Record<string, unknown> } } }>(
      componentsRoute.POST,
      {
        method: "POST",
        path: componentsPath(),
        headers: await asSession(fixture.users.owner),
        params,
        body: { name: "broken", kind: "tsx", source: broken },
      },
    );
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.compile).toMatchObject({ file: "component.tsx", line: 2, column: 13 });
    expect(response.body.error.message).toMatch(/^component\.tsx:2:13: /);
  });

  it("refuses imports other than react, react-dom and ext-apps, so a component cannot read the server's files", async () => {
    const response = await call<{ error: { message: string } }>(componentsRoute.POST, {
      method: "POST",
      path: componentsPath(),
      headers: await asSession(fixture.users.owner),
      params,
      body: {
        name: "reader",
        kind: "tsx",
        source: `import secrets from "../../../.env";\nexport default () => <p>{String(secrets)}</p>;\n`,
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain('"../../../.env" cannot be imported');
  });

  it("pins the compiled document in packages: the digest changes when the source changes", async () => {
    const api = publishingApi({ orgSlug: params.org, projectSlug: params.project });
    const first = await api.publish(fixture.users.owner, { changelog: "First" });
    expect(first.status).toBe(201);
    const patched = await call<{ html: string }>(componentRoute.PATCH, {
      method: "PATCH",
      path: `${componentsPath()}/tsx-card`,
      headers: await asSession(fixture.users.owner),
      params: { ...params, name: "tsx-card" },
      body: { source: TSX_SOURCE.replace('"none"', '"nothing yet"') },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.html).toContain("nothing yet");
    const second = await api.publish(fixture.users.owner, { changelog: "Second" });
    expect(second.status).toBe(201);
    expect(second.body.digest).not.toBe(first.body.digest);
    const pinned = await api.package(fixture.users.owner, second.body.version);
    const component = (pinned.body.manifest.components as Array<{ name: string; html: string; source?: string }>).find(
      (candidate) => candidate.name === "tsx-card",
    );
    expect(component?.html).toContain("nothing yet");
    expect(component?.source).toContain("nothing yet");
    expect(pinned.body.files.map((file) => file.path)).toContain("components/tsx-card.tsx");
  });
});

describe("what MCP Apps hosts read", () => {
  it("advertises the io.modelcontextprotocol/ui extension", async () => {
    const client = await connectClient({ url: endpoint, token, era: "legacy" });
    expect(client.getServerCapabilities()?.extensions).toEqual({
      "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] },
    });
    await client.close();
  });

  it("names the component in both _meta.ui.resourceUri and the flat ui/resourceUri", async () => {
    const client = await connectClient({ url: endpoint, token, era: "legacy" });
    const { tools } = await client.listTools();
    const uri = `ui://${projectSlug}/uses-app`;
    expect(tools.find((tool) => tool.name === "show_it")?._meta).toEqual({ ui: { resourceUri: uri }, "ui/resourceUri": uri });
    expect(tools.find((tool) => tool.name === "refresh_data")?._meta).toEqual({ ui: { visibility: ["app"] } });
    await client.close();
  });

  it("serves title, description and prefersBorder, and inlines the App client into a document that uses it", async () => {
    const client = await connectClient({ url: endpoint, token, era: "modern" });
    const { resources } = await client.listResources();
    expect(resources.find((resource) => resource.name === "uses-app")).toMatchObject({
      title: "Uses the App client",
      description: "A card",
      mimeType: "text/html;profile=mcp-app",
      _meta: { ui: { prefersBorder: false } },
    });
    const read = await client.readResource({ uri: `ui://${projectSlug}/uses-app` });
    const [document] = read.contents as Array<{ text: string; _meta?: Record<string, unknown> }>;
    expect(document._meta).toEqual({ ui: { csp: {}, prefersBorder: false } });
    expect(document.text.startsWith("<!doctype html><script>var McpApps=")).toBe(true);
    expect(document.text).toContain("ui/notifications/initialized");
    const plain = await client.readResource({ uri: `ui://${projectSlug}/static` });
    expect((plain.contents[0] as { text: string }).text).toBe("<p>static</p>");
    await client.close();
  });

  it("keeps app-only tools out of a model's tools/list, lists them for an MCP Apps host, and runs them when called", async () => {
    const agent = await modernClient(false);
    expect((await agent.listTools()).tools.map((tool) => tool.name)).not.toContain("refresh_data");
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toContain("model_only");
    const host = await modernClient(true);
    const listed = (await host.listTools()).tools.find((tool) => tool.name === "refresh_data");
    expect(listed?._meta).toEqual({ ui: { visibility: ["app"] } });
    const result = await host.callTool({ name: "refresh_data", arguments: {} });
    expect(result.structuredContent).toEqual({ fresh: true });
    await agent.close();
    await host.close();
  });
});

describe("the studio's component frame", () => {
  const frame = async (fields: Record<string, string>, headers: Record<string, string>) => {
    const body = new URLSearchParams(fields);
    const request = new Request("http://localhost:3000/component-frame", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });
    return componentFrameRoute.POST(request);
  };

  it("applies the component's CSP as a response header that markup cannot move", async () => {
    const trick = `<!-- <head> --><head title="a>b"><img src="https://evil.example/x.png">`;
    const response = await frame(
      { kind: "document", text: trick, csp: JSON.stringify({ connectDomains: ["api.example.com"] }) },
      { origin: "http://localhost:3000", cookie: await sessionCookie(fixture.users.owner) },
    );
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src data: blob:;");
    expect(policy).toContain("connect-src https://api.example.com");
    expect(policy).toContain("sandbox allow-scripts");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(await response.text()).toBe(trick);
  });

  it("compiles a TSX preview, and shows a compile error in the frame", async () => {
    const cookie = await sessionCookie(fixture.users.owner);
    const broken = await frame(
      { kind: "tsx", text: "export default () => <p>{</p>;", csp: "{}" },
      { origin: "http://localhost:3000", cookie },
    );
    expect(await broken.text()).toContain("component.tsx:1:");
  });

  it("opens only for the studio's own signed-in pages", async () => {
    const cookie = await sessionCookie(fixture.users.owner);
    expect((await frame({ kind: "document", text: "<p>x</p>", csp: "{}" }, { origin: "https://evil.example", cookie })).status).toBe(403);
    expect((await frame({ kind: "document", text: "<p>x</p>", csp: "{}" }, { origin: "http://localhost:3000" })).status).toBe(401);
  });
});
