// Test cases through the studio's own MCP server (/mcp/{org}): preview_publish reports the last
// result of every case and the gate, and publish goes through the same publish gate as the admin
// API (refused while required cases fail, an Admin's overrideReason lets it through).
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as studioRoute from "@/app/mcp/[org]/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { setTestGate } from "@/lib/test-cases/publish-gate";
import { runTestCases } from "@/lib/test-cases/run-test-cases";
import { apiToken, createOrgWithToolCase, type OrgFixture } from "./helpers";
import { connectClient, startRouteServer, type TestHttpServer } from "./mcp-helpers";

type ToolResult = { isError?: boolean; content: Array<{ type: string; text: string }> };

let server: TestHttpServer;
let fixture: OrgFixture;
let access: ProjectAccess;
const clients: Client[] = [];

async function studioCall(user: keyof OrgFixture["users"], name: string, args: Record<string, unknown>) {
  const client = await connectClient({
    url: `${server.origin}/mcp/${fixture.organization.slug}`,
    token: await apiToken(fixture.users[user]),
    era: "legacy",
  });
  clients.push(client);
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = result.content.map((block) => block.text).join("\n");
  return { isError: result.isError ?? false, text };
}

beforeAll(async () => {
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)$/, module: studioRoute },
  ]);
  ({ fixture, access } = await createOrgWithToolCase(
    {
      name: "half",
      kind: "data",
      inputSchema: { type: "object", properties: { n: { type: "number" } } },
      handler: "async ({ n }) => ({ half: String(n / 2) })",
    },
    { name: "four", input: { n: 4 }, expectations: [{ kind: "structuredEquals", value: { half: 2 } }] },
  ));
  await setTestGate({ access, actor: fixture.users.owner, testGate: "required" });
  await runTestCases({ access, actor: fixture.users.owner, origin: server.origin });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server?.close();
});

describe("test cases in the studio MCP server", () => {
  it("preview_publish reports the gate and the last result of every case with its failures", async () => {
    const preview = await studioCall("viewer", "preview_publish", { project: fixture.project.slug });
    expect(preview.isError).toBe(false);
    const body = JSON.parse(preview.text) as { testGate: string; testCases: unknown[] };
    expect(body.testGate).toBe("required");
    expect(body.testCases).toEqual([
      {
        tool: "half",
        case: "four",
        status: "failed",
        failures: [expect.stringContaining('/half: expected a number (2), got a string ("2")')],
        ranAt: expect.any(String),
      },
    ]);
  });

  it("publish goes through the gate: refused while the case fails, an Admin's overrideReason publishes", async () => {
    const refused = await studioCall("projectOwner", "publish", { project: fixture.project.slug, changelog: "First" });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain("1 of 1 test cases fail and this project requires them to pass before publishing");
    expect(await db.package.count({ where: { projectId: access.project.id } })).toBe(0);

    const published = await studioCall("admin", "publish", {
      project: fixture.project.slug,
      changelog: "First",
      overrideReason: "Known issue, fixed in the next release",
    });
    expect(published.isError).toBe(false);
    expect(JSON.parse(published.text)).toMatchObject({ version: "1.0.0", testRun: { passed: 0, failed: 1 } });
    const history = await db.publishHistory.findFirstOrThrow({ where: { projectId: access.project.id } });
    expect(history.gateOverrideReason).toBe("Known issue, fixed in the next release");
  });
});
