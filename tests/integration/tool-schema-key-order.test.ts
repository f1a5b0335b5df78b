// A tool's schemas come back with the keys in the order their author wrote them (SPEC: the schema
// editor's form and raw JSON edit the same schema; saving must not reshuffle it). PostgreSQL's
// jsonb would sort keys (shorter first), so the columns are json.
import { beforeAll, describe, expect, it } from "vitest";
import * as toolRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/route";
import * as toolsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/route";
import { asSession, call, createOrgWithMembers, type OrgFixture } from "./helpers";

type ToolBody = { inputSchema: Record<string, unknown>; outputSchema: Record<string, unknown> | null };

let fixture: OrgFixture;
let params: { org: string; project: string };
let base: string;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  params = { org: fixture.organization.slug, project: fixture.project.slug };
  base = `/app/v1/organizations/${params.org}/projects/${params.project}`;
});

// Deliberately not in jsonb's order: longer keys first, "zip" after "country".
const inputSchema = {
  type: "object",
  description: "Where to look",
  properties: { country: { type: "string", description: "ISO code" }, zip: { type: "string" }, city: { type: "string" } },
  required: ["zip", "city"],
  additionalProperties: false,
};
const outputSchema = { type: "object", properties: { temperature: { type: "number" }, at: { type: "string" } } };

describe("tool schemas keep their key order", () => {
  it("on create, read and update", async () => {
    const headers = await asSession(fixture.users.editor);
    const created = await call<ToolBody>(toolsRoute.POST, {
      method: "POST",
      path: `${base}/tools`,
      body: { name: "ordered_tool", kind: "data", inputSchema, outputSchema, handler: "async () => ({ temperature: 1, at: 'now' })" },
      headers,
      params,
    });
    expect(created.status).toBe(201);

    const toolParams = { ...params, tool: "ordered_tool" };
    const read = await call<ToolBody>(toolRoute.GET, { path: `${base}/tools/ordered_tool`, headers, params: toolParams });
    expect(JSON.stringify(read.body.inputSchema)).toBe(JSON.stringify(inputSchema));
    expect(JSON.stringify(read.body.outputSchema)).toBe(JSON.stringify(outputSchema));

    const reordered = { required: ["city"], properties: { zip: { type: "string" }, city: { type: "string" } }, type: "object" };
    const patched = await call<ToolBody>(toolRoute.PATCH, {
      method: "PATCH",
      path: `${base}/tools/ordered_tool`,
      body: { inputSchema: reordered },
      headers,
      params: toolParams,
    });
    expect(patched.status).toBe(200);
    const reread = await call<ToolBody>(toolRoute.GET, { path: `${base}/tools/ordered_tool`, headers, params: toolParams });
    expect(JSON.stringify(reread.body.inputSchema)).toBe(JSON.stringify(reordered));
  });
});
