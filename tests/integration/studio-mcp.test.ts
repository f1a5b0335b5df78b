// The studio's own MCP server, /mcp/{org}, through the real SDK client over HTTP on the real route
// handler and database: an Editor builds a tool and runs it but is refused publish, an Admin
// publishes and rolls back, a Viewer can only read; validation errors come back as actionable tool
// errors; no token is a 401 and another organization's member a 404.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as studioRoute from "@/app/mcp/[org]/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { apiToken, createOrgWithMembers, createTestOrganization, createTestUser, type OrgFixture } from "./helpers";
import { connectClient, type Era, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";

type ToolResult = { isError?: boolean; content: Array<{ type: string; text: string }> };

let server: TestHttpServer;
let fixture: OrgFixture;
const clients: Client[] = [];

const url = () => `${server.origin}/mcp/${fixture.organization.slug}`;

async function connectAs(user: keyof OrgFixture["users"], era: Era = "legacy") {
  const client = await connectClient({ url: url(), token: await apiToken(fixture.users[user]), era });
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = result.content.map((block) => block.text).join("\n");
  return { isError: result.isError ?? false, text, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)$/, module: studioRoute }]);
  fixture = await createOrgWithMembers();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server?.close();
});

describe("studio MCP server: connecting", () => {
  it("lists tools with descriptions written for a model, in both protocol eras", async () => {
    for (const era of ["legacy", "modern"] as const) {
      const client = await connectAs("viewer", era);
      const { tools } = await client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(
        expect.arrayContaining([
          "list_projects",
          "get_project",
          "get_tool",
          "create_tool",
          "run_tool",
          "preview_publish",
          "publish",
          "rollback",
          "read_audit_log",
        ]),
      );
      const publish = tools.find((tool) => tool.name === "publish");
      expect(publish?.description).toMatch(/Editors are refused/);
      expect(client.getInstructions()).toMatch(/list_projects/);
    }
  });

  it("answers 401 without a token and 404 to another organization's member", async () => {
    const anonymous = await postJsonRpc(url(), { jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(anonymous.status).toBe(401);
    const outsider = await createTestUser({ name: "Outsider" });
    await createTestOrganization(outsider);
    const refused = await postJsonRpc(
      url(),
      { jsonrpc: "2.0", id: 1, method: "tools/list" },
      { Authorization: `Bearer ${await apiToken(outsider)}` },
    );
    expect(refused.status).toBe(404);
  });
});

describe("studio MCP server: roles", () => {
  it("lets an Editor build a tool and run it, with validation errors as tool errors, and refuses publish", async () => {
    const editor = await connectAs("editor");
    const project = fixture.project.slug;
    const projects = await call(editor, "list_projects", {});
    expect(projects.json()).toContainEqual(expect.objectContaining({ slug: project, productionVersion: null }));

    const invalid = await call(editor, "create_tool", {
      project,
      name: "greet",
      kind: "data",
      inputSchema: { type: "object", properties: { who: { type: 42 } } },
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.text).toMatch(/^validation_failed: /);
    expect(invalid.text).toMatch(/inputSchema: is not a valid JSON Schema: schema\/properties\/who\/type/);
    expect(invalid.text).toContain("call the tool again");

    const created = await call(editor, "create_tool", {
      project,
      name: "greet",
      kind: "data",
      description: "Greets someone by name",
      inputSchema: { type: "object", properties: { who: { type: "string", description: "Name" } }, required: ["who"] },
      handler: "async ({ who }) => { console.log('greeting', who); return { greeting: 'Hello, ' + who + '!' }; }",
    });
    expect(created.isError).toBe(false);
    expect(created.json()).toMatchObject({ name: "greet", kind: "data" });

    const ran = await call(editor, "run_tool", { project, name: "greet", arguments: { who: "Ada" } });
    expect(ran.isError).toBe(false);
    expect(ran.json()).toMatchObject({ isError: false, structuredContent: { greeting: "Hello, Ada!" } });
    expect(ran.json().logs[0].message).toContain("greeting Ada");

    const badArguments = await call(editor, "run_tool", { project, name: "greet", arguments: {} });
    expect(badArguments.json()).toMatchObject({ isError: true });

    const refused = await call(editor, "publish", { project, changelog: "First" });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^forbidden:/);
    expect(await db.package.count({ where: { projectId: fixture.project.id } })).toBe(0);
  });

  it("lets an Admin preview, publish and roll back, and read the audit log", async () => {
    const admin = await connectAs("admin");
    const project = fixture.project.slug;
    const preview = await call(admin, "preview_publish", { project });
    expect(preview.json()).toMatchObject({ changed: true, suggestedVersion: "1.0.0", tools: { added: ["greet"] } });

    const published = await call(admin, "publish", { project, changelog: "First version" });
    expect(published.isError).toBe(false);
    expect(published.json()).toMatchObject({ version: "1.0.0", isProduction: true });

    const updated = await call(admin, "update_tool", { project, name: "greet", description: "Greets someone warmly" });
    expect(updated.isError).toBe(false);
    expect((await call(admin, "publish", { project, changelog: "Warmer" })).json()).toMatchObject({ version: "1.0.1" });

    const rolled = await call(admin, "rollback", { project, version: "1.0.0" });
    expect(rolled.json()).toEqual({ version: "1.0.0", previousProductionVersion: "1.0.1" });
    const versions = await call(admin, "list_versions", { project });
    expect(versions.json()).toContainEqual(expect.objectContaining({ version: "1.0.0", isProduction: true }));

    const audit = await call(admin, "read_audit_log", { project, action: "package.publish" });
    expect(audit.json()).toHaveLength(2);
    await flushExecutions();
    const executions = await call(admin, "list_executions", { project, tool: "greet" });
    expect(executions.json().length).toBeGreaterThan(0);
  });

  it("lets a Viewer read but nothing else", async () => {
    const viewer = await connectAs("viewer");
    const project = fixture.project.slug;
    const read = await call(viewer, "get_tool", { project, name: "greet" });
    expect(read.isError).toBe(false);
    expect(read.json()).toMatchObject({ name: "greet", description: "Greets someone warmly" });
    expect((await call(viewer, "get_project", { project })).json()).toMatchObject({ productionVersion: "1.0.0" });

    for (const [name, args] of [
      ["create_tool", { project, name: "nope", kind: "data" }],
      ["update_tool", { project, name: "greet", description: "x" }],
      ["delete_tool", { project, name: "greet" }],
      ["create_component", { project, name: "card", html: "<p>x</p>" }],
      ["run_tool", { project, name: "greet", arguments: { who: "Ada" } }],
      ["publish", { project, changelog: "x" }],
      ["rollback", { project, version: "1.0.0" }],
      ["list_executions", { project }],
      ["read_audit_log", {}],
    ] as const) {
      const result = await call(viewer, name, args);
      expect(result.isError, name).toBe(true);
      expect(result.text, name).toMatch(/^forbidden:/);
    }
    expect(await db.tool.count({ where: { projectId: fixture.project.id } })).toBe(1);
  });

  it("answers a project of another organization as not found", async () => {
    const outsider = await createTestUser({ name: "Other admin" });
    const other = await createTestOrganization(outsider);
    const client = await connectClient({ url: `${server.origin}/mcp/${other.slug}`, token: await apiToken(outsider), era: "legacy" });
    clients.push(client);
    const result = await call(client, "get_project", { project: fixture.project.slug });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^not_found:/);
  });
});
