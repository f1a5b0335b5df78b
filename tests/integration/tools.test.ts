// Tools, components and secrets through the real route handlers.
import { beforeAll, describe, expect, it } from "vitest";
import * as componentRoutes from "@/app/app/v1/organizations/[org]/projects/[project]/components/route";
import * as componentRoute from "@/app/app/v1/organizations/[org]/projects/[project]/components/[name]/route";
import * as secretRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/secrets/[key]/route";
import * as secretsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/secrets/route";
import * as toolRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/route";
import * as toolsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/route";
import { db } from "@/lib/db";
import { asSession, call, createOrgWithMembers, createTestOrganization, createTestUser, type OrgFixture } from "./helpers";

type ToolBody = { name: string; kind: string; handler: string; secretNames: string[]; inputSchema: object };
type ErrorBody = { error: { code: string; message: string; details?: { line?: number; field?: string } } };

let fixture: OrgFixture;
let base: string;
let params: { org: string; project: string };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  params = { org: fixture.organization.slug, project: fixture.project.slug };
  base = `/app/v1/organizations/${params.org}/projects/${params.project}`;
});

const priceTool = {
  name: "quote_price",
  kind: "data",
  description: "Quotes a price",
  inputSchema: { type: "object", properties: { price: { type: "string" } }, required: ["price"] },
  handler: "async (props) => ({ quoted: props.price })",
};

describe("tools API", () => {
  it("creates, reads, updates and deletes a Data Tool", async () => {
    const headers = await asSession(fixture.users.editor);
    const created = await call<ToolBody>(toolsRoute.POST, { method: "POST", path: `${base}/tools`, body: priceTool, headers, params });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "quote_price", kind: "data" });

    const listed = await call<{ data: ToolBody[] }>(toolsRoute.GET, { path: `${base}/tools?kind=data`, headers, params });
    expect(listed.body.data.map((tool) => tool.name)).toContain("quote_price");

    const toolParams = { ...params, tool: "quote_price" };
    const patched = await call<ToolBody>(toolRoute.PATCH, {
      method: "PATCH",
      path: `${base}/tools/quote_price`,
      body: { handler: "async (props) => ({ quoted: props.price, v: 2 })" },
      headers,
      params: toolParams,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.handler).toContain("v: 2");

    const removed = await call(toolRoute.DELETE, { method: "DELETE", path: `${base}/tools/quote_price`, headers, params: toolParams });
    expect(removed.status).toBe(204);
    expect((await call(toolRoute.GET, { path: `${base}/tools/quote_price`, headers, params: toolParams })).status).toBe(404);
  });

  it("refuses invalid names, invalid schemas and handlers that do not compile, with the reason", async () => {
    const headers = await asSession(fixture.users.editor);
    const post = (body: object) => call<ErrorBody>(toolsRoute.POST, { method: "POST", path: `${base}/tools`, body, headers, params });

    const badName = await post({ ...priceTool, name: "Quote-Price" });
    expect(badName.status).toBe(422);
    expect(badName.body.error.message).toMatch(/^name:/);

    const badSchema = await post({
      ...priceTool,
      name: "bad_schema",
      inputSchema: { type: "object", properties: { a: { type: "strng" } } },
    });
    expect(badSchema.status).toBe(422);
    expect(badSchema.body.error.message).toMatch(/inputSchema: is not a valid JSON Schema/);

    const badCode = await post({ ...priceTool, name: "bad_code", handler: "async (props) => {\n  return props.\n}" });
    expect(badCode.status).toBe(422);
    expect(badCode.body.error.details).toMatchObject({ field: "handler", line: 3 });

    await post({ ...priceTool, name: "dup_tool" });
    const duplicate = await post({ ...priceTool, name: "dup_tool" });
    expect(duplicate.status).toBe(409);
    expect(await db.tool.count({ where: { projectId: fixture.project.id, name: { in: ["bad_schema", "bad_code"] } } })).toBe(0);
  });

  it("lets a Viewer read but not write, and hides the project from other organizations", async () => {
    const viewer = await asSession(fixture.users.viewer);
    expect((await call(toolsRoute.GET, { path: `${base}/tools`, headers: viewer, params })).status).toBe(200);
    const refused = await call<ErrorBody>(toolsRoute.POST, {
      method: "POST",
      path: `${base}/tools`,
      body: { ...priceTool, name: "viewer_tool" },
      headers: viewer,
      params,
    });
    expect(refused.status).toBe(403);

    const stranger = await createTestUser();
    await createTestOrganization(stranger);
    const strangerHeaders = await asSession(stranger);
    expect((await call(toolsRoute.GET, { path: `${base}/tools`, headers: strangerHeaders, params })).status).toBe(404);
    expect((await call(componentRoutes.GET, { path: `${base}/components`, headers: strangerHeaders, params })).status).toBe(404);
  });

  it("stores secrets encrypted and never returns their values", async () => {
    const headers = await asSession(fixture.users.editor);
    await call(toolsRoute.POST, { method: "POST", path: `${base}/tools`, body: { ...priceTool, name: "secret_tool" }, headers, params });
    const secretParams = { ...params, tool: "secret_tool", key: "API_KEY" };
    const put = await call(secretRoute.PUT, {
      method: "PUT",
      path: `${base}/tools/secret_tool/secrets/API_KEY`,
      body: { value: "sk_live_supersecret" },
      headers,
      params: secretParams,
    });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain("sk_live_supersecret");

    const names = await call<{ data: { key: string }[] }>(secretsRoute.GET, {
      path: `${base}/tools/secret_tool/secrets`,
      headers,
      params: secretParams,
    });
    expect(names.body.data.map((secret) => secret.key)).toEqual(["API_KEY"]);
    expect(JSON.stringify(names.body)).not.toContain("sk_live");
    const tool = await call<ToolBody>(toolRoute.GET, { path: `${base}/tools/secret_tool`, headers, params: secretParams });
    expect(tool.body.secretNames).toEqual(["API_KEY"]);

    const row = await db.toolSecret.findFirstOrThrow({
      where: { key: "API_KEY", tool: { name: "secret_tool", projectId: fixture.project.id } },
      omit: { ciphertext: false },
    });
    expect(row.ciphertext).not.toContain("sk_live");
    const audit = await db.auditEvent.findMany({ where: { organizationId: fixture.organization.id, action: { startsWith: "secret." } } });
    expect(audit.map((event) => event.action)).toContain("secret.create");
    expect(JSON.stringify(audit)).not.toContain("sk_live");

    const badKey = await call(secretRoute.PUT, {
      method: "PUT",
      path: `${base}/tools/secret_tool/secrets/lower`,
      body: { value: "x" },
      headers,
      params: { ...secretParams, key: "lower" },
    });
    expect(badKey.status).toBe(422);
  });

  it("manages components and keeps the ones UI Tools use", async () => {
    const headers = await asSession(fixture.users.editor);
    const created = await call(componentRoutes.POST, {
      method: "POST",
      path: `${base}/components`,
      body: { name: "card", html: "<div>card</div>", csp: { connectDomains: ["api.example.com"] } },
      headers,
      params,
    });
    expect(created.status).toBe(201);

    const missing = await call<ErrorBody>(toolsRoute.POST, {
      method: "POST",
      path: `${base}/tools`,
      body: { name: "show_x", kind: "ui", component: "nope" },
      headers,
      params,
    });
    expect(missing.status).toBe(422);
    const ui = await call(toolsRoute.POST, {
      method: "POST",
      path: `${base}/tools`,
      body: { name: "show_card", kind: "ui", component: "card" },
      headers,
      params,
    });
    expect(ui.status).toBe(201);

    const inUse = await call<ErrorBody>(componentRoute.DELETE, {
      method: "DELETE",
      path: `${base}/components/card`,
      headers,
      params: { ...params, name: "card" },
    });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toContain("show_card");
  });
});
