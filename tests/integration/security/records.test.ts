// Records (issue 12, items 7 and 8): no caller can fail another tenant's execution records, and a
// call nobody could store whole is still recorded. Real requests over HTTP to the route handlers,
// on PGlite and on PostgreSQL (ATELIER_TEST_DB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { createExecutionRecorder, flushExecutions } from "@/lib/executions/recorder";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers } from "../helpers";
import {
  connectClient,
  createProjectWithDraftToken,
  parseJsonRpc,
  postJsonRpc,
  startRouteServer,
  type TestHttpServer,
} from "../mcp-helpers";

let server: TestHttpServer;
type Tenant = Awaited<ReturnType<typeof createProjectWithDraftToken>> & { url: string };
let victim: Tenant;
let attacker: Tenant;

async function tenant(): Promise<Tenant> {
  const fixture = await createOrgWithMembers();
  const project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  await createTool({
    access: project.access,
    input: { name: "echo", kind: "data", inputSchema: { type: "object" }, handler: "async (props) => ({ keys: Object.keys(props) })" },
  });
  return { ...project, url: `${server.origin}/mcp/${fixture.organization.slug}/${project.project.slug}/draft` };
}

beforeAll(async () => {
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  victim = await tenant();
  attacker = await tenant();
});

afterAll(async () => {
  await server?.close();
});

// Raw bodies: JSON.stringify would never write a lone surrogate escape, a hostile client does.
const toolCall = (id: number, argumentsJson: string) =>
  `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"echo","arguments":${argumentsJson}}}`;
const headers = (token: string | null) => ({
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  "MCP-Protocol-Version": "2025-11-25",
});

describe("one caller's bad record", () => {
  it("cannot wipe another tenant's records: lone surrogates and U+0000 are stored as U+FFFD, unauthenticated or not", async () => {
    const before = await db.execution.count({ where: { projectId: victim.project.id } });
    const victimCalls = Array.from({ length: 24 }, (_, index) =>
      postJsonRpc(victim.url, toolCall(index, `{"n":${index}}`), headers(victim.token)),
    );
    const poison = '{"a":"\\ud800","\\udfff":"x","b":"nul\\u0000"}';
    const hostile = [
      ...Array.from({ length: 4 }, (_, index) => postJsonRpc(victim.url, toolCall(100 + index, poison), headers("not-a-token"))),
      postJsonRpc(attacker.url, toolCall(200, poison), headers(attacker.token)),
    ];
    const answers = await Promise.all([...victimCalls, ...hostile]);
    expect(answers.slice(0, 24).map((answer) => answer.status)).toEqual(Array(24).fill(200));
    expect(answers.slice(24, 28).map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    await flushExecutions();

    const records = await db.execution.findMany({ where: { projectId: victim.project.id }, orderBy: { createdAt: "asc" } });
    expect(records.length - before).toBe(28);
    const refused = records.filter((row) => row.errorType === "auth");
    expect(refused.map((row) => row.input)).toEqual(Array(4).fill({ a: "\ufffd", "\ufffd": "x", b: "nul\ufffd" }));
    const own = await db.execution.findMany({ where: { projectId: attacker.project.id } });
    expect(own).toHaveLength(1);
    expect(own[0], JSON.stringify(own[0])).toMatchObject({ status: "SUCCESS", input: { a: "\ufffd", "\ufffd": "x", b: "nul\ufffd" } });
  });

  it("is isolated when the database refuses it: the rest of its batch is written, and it is kept without its content", async () => {
    // A row sanitizing cannot fix (no start time: createdAt is NOT NULL) in a batch of good ones.
    const recorder = createExecutionRecorder();
    const source = {
      projectId: victim.project.id,
      organizationId: victim.project.organizationId,
      environment: "draft" as const,
      packageVersion: null,
      caller: { kind: "draft_token" as const },
      clientIp: null,
    };
    const call = {
      toolId: null,
      environment: "draft" as const,
      status: "success" as const,
      durationMs: 1,
      logs: [],
      arguments: { secret: "kept out" },
    };
    for (let index = 0; index < 30; index++) {
      recorder.record(source, {
        ...call,
        toolName: index === 17 ? "isolated_bad" : "isolated_good",
        startedAt: index === 17 ? new Date(Number.NaN) : new Date(),
      });
    }
    await recorder.flush();
    expect(recorder.backlog).toBe(0);
    expect(await db.execution.count({ where: { projectId: victim.project.id, toolName: "isolated_good" } })).toBe(29);
    const bad = await db.execution.findMany({ where: { projectId: victim.project.id, toolName: "isolated_bad" } });
    expect(bad).toHaveLength(1);
    expect(bad[0].input).toMatchObject({
      $truncated: true,
      reason: expect.stringContaining("not stored: the database refused this record"),
    });
  });
});

describe("a call whose arguments nest thousands of levels deep", () => {
  it.each([4_000, 100_000])("is refused with a reason, and recorded (%i levels)", async (levels) => {
    const deep = `{"d":${"[".repeat(levels)}1${"]".repeat(levels)}}`;
    const response = await postJsonRpc(victim.url, toolCall(levels, deep), headers(victim.token));
    expect(response.status).toBe(200);
    expect(parseJsonRpc(response.text)).toMatchObject({
      id: levels,
      result: {
        isError: true,
        structuredContent: { error: { code: "arguments_too_deep", message: expect.stringContaining("nest deeper than 64 levels") } },
      },
    });
    await flushExecutions();
    const records = await db.execution.findMany({
      where: { projectId: victim.project.id, errorCode: "arguments_too_deep" },
      orderBy: { createdAt: "desc" },
    });
    expect(records[0]).toMatchObject({
      toolName: "echo",
      status: "ERROR",
      errorType: "validation",
      input: { $truncated: true, reason: expect.stringContaining("nested deeper than") },
    });
  });

  it("is refused and recorded for a 2026-07-28 client too", async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 4_000; level++) deep = [deep];
    const client = await connectClient({ url: victim.url, token: victim.token, era: "modern" });
    try {
      const result = await client.callTool({ name: "echo", arguments: { modern: deep } });
      expect(result).toMatchObject({ isError: true, structuredContent: { error: { code: "arguments_too_deep" } } });
    } finally {
      await client.close();
    }
    await flushExecutions();
    const records = await db.execution.findMany({ where: { projectId: victim.project.id, errorCode: "arguments_too_deep" } });
    expect(records.some((row) => JSON.stringify(row.input).includes("modern"))).toBe(true);
  });
});
