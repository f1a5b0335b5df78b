// JSON-RPC batches (issue 12, item 6): refused for protocol revisions that removed them, and on
// older ones every call in a batch passes the same rate limits as a call sent on its own. Real
// HTTP requests to the MCP route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers } from "../helpers";
import { createProjectWithDraftToken, parseJsonRpc, postJsonRpc, startRouteServer, type TestHttpServer } from "../mcp-helpers";

let server: TestHttpServer;

beforeAll(async () => {
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
});

afterAll(async () => {
  await server?.close();
});

async function limitedProject(callsPerMinute: number) {
  const fixture = await createOrgWithMembers();
  const project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  await createTool({
    access: project.access,
    input: { name: "ping", kind: "data", inputSchema: { type: "object" }, handler: "async (props) => ({ pong: props.n })" },
  });
  await db.project.update({ where: { id: project.project.id }, data: { credentialCallsPerMinute: callsPerMinute } });
  return { ...project, url: `${server.origin}/mcp/${fixture.organization.slug}/${project.project.slug}/draft` };
}

const calls = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    jsonrpc: "2.0",
    id: index + 1,
    method: "tools/call",
    params: { name: "ping", arguments: { n: index + 1 } },
  }));

/** Every JSON-RPC message of a response: a JSON array or object, or the events of a stream. */
function messagesOf(
  text: string,
): Array<{ id: number; result?: { structuredContent?: unknown }; error?: { code: number; message: string } }> {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed);
  if (trimmed.startsWith("{")) return [JSON.parse(trimmed)];
  return trimmed
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line.length > "data: ".length)
    .map((line) => JSON.parse(line.slice("data: ".length)));
}

async function recordsOf(projectId: string) {
  await flushExecutions();
  return db.execution.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
}

describe("a JSON-RPC batch", () => {
  it.each(["2025-06-18", "2025-11-25", "2026-07-28"])("is refused for protocol version %s, and none of its calls runs", async (version) => {
    const project = await limitedProject(100);
    const response = await postJsonRpc(project.url, calls(3), {
      Authorization: `Bearer ${project.token}`,
      "MCP-Protocol-Version": version,
    });
    expect(response.status).toBe(400);
    expect(parseJsonRpc(response.text)).toMatchObject({
      id: null,
      error: { code: -32600, message: expect.stringContaining(`JSON-RPC batches are not supported in protocol version ${version}`) },
    });
    expect(await recordsOf(project.project.id)).toEqual([]);
  });

  it("is refused when the initialize inside it asks for a version without batches", async () => {
    const project = await limitedProject(100);
    const initialize = {
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "batcher", version: "1" } },
    };
    const response = await postJsonRpc(project.url, [initialize], { Authorization: `Bearer ${project.token}` });
    expect(response.status).toBe(400);
    expect(parseJsonRpc(response.text).error?.message).toContain("batching was removed in 2025-06-18");
  });

  it.each([
    ["with MCP-Protocol-Version 2025-03-26", { "MCP-Protocol-Version": "2025-03-26" }],
    ["with no MCP-Protocol-Version (2025-03-26 by default)", {}],
  ])(
    "%s: runs only the calls within the rate limit; each other call is refused, recorded, and answered with its own error",
    async (_label, versionHeaders) => {
      const project = await limitedProject(2);
      const response = await postJsonRpc(project.url, calls(5), { Authorization: `Bearer ${project.token}`, ...versionHeaders });
      expect(response.status).toBe(200);
      const answers = messagesOf(response.text).sort((a, b) => a.id - b.id);
      expect(answers.map((answer) => [answer.id, answer.result?.structuredContent ?? answer.error?.message.slice(0, 19)])).toEqual([
        [1, { pong: 1 }],
        [2, { pong: 2 }],
        [3, "Rate limit exceeded"],
        [4, "Rate limit exceeded"],
        [5, "Rate limit exceeded"],
      ]);
      // Refusals are recorded before the admitted calls run, so by input rather than by time.
      const records = await recordsOf(project.project.id);
      expect(records.map((row) => [(row.input as { n: number }).n, row.status, row.errorType ?? null]).sort()).toEqual([
        [1, "SUCCESS", null],
        [2, "SUCCESS", null],
        [3, "ERROR", "rate_limited"],
        [4, "ERROR", "rate_limited"],
        [5, "ERROR", "rate_limited"],
      ]);

      // The limit the batch used up holds for single calls too, and a batch that is all over the limit is a 429.
      const single = await postJsonRpc(project.url, calls(1)[0], {
        Authorization: `Bearer ${project.token}`,
        "MCP-Protocol-Version": "2025-03-26",
      });
      expect(single.status).toBe(429);
      const allRefused = await postJsonRpc(project.url, calls(3), { Authorization: `Bearer ${project.token}`, ...versionHeaders });
      expect(allRefused.status).toBe(429);
      expect(allRefused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(messagesOf(allRefused.text).map((answer) => answer.id)).toEqual([1, 2, 3]);
    },
  );
});
