// A client that cancels a tools/call stops its handler on the server, in both protocol eras:
// 2026-07-28 clients abort the request's HTTP exchange; 2025-11-25 clients send
// notifications/cancelled in a POST of its own (lib/mcp/call-cancellation.ts). Real HTTP, the
// real SDK client, the real sandbox: the handler would otherwise run until its 60 s limit, and the
// execution is recorded as cancelled, with a duration far below that limit.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers } from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type Era, type TestHttpServer } from "./mcp-helpers";

const TIMEOUT_MS = 60_000;

let server: TestHttpServer;
let project: Awaited<ReturnType<typeof createProjectWithDraftToken>>;
let url: string;

beforeAll(async () => {
  const fixture = await createOrgWithMembers();
  project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  const { access } = project;
  // Each reports progress once it runs (so the test cancels a running handler), then never ends.
  await createTool({
    access,
    input: { name: "spin", kind: "data", timeoutMs: TIMEOUT_MS, handler: "async () => { mcp.progress(1); while (true) {} }" },
  });
  await createTool({
    access,
    input: {
      name: "wait_forever",
      kind: "data",
      timeoutMs: TIMEOUT_MS,
      handler: "async () => { mcp.progress(1); await new Promise(() => {}); }",
    },
  });
  await createTool({
    access,
    input: { name: "spin_briefly", kind: "data", timeoutMs: 2_000, handler: "async () => { mcp.progress(1); while (true) {} }" },
  });
  await createTool({ access, input: { name: "quick", kind: "data", handler: "async () => ({ ok: true })" } });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  url = `${server.origin}/mcp/${fixture.organization.slug}/${project.project.slug}/draft`;
});

afterAll(async () => {
  await server?.close();
});

/** Calls `name`, aborting the call as soon as the handler reports that it runs. */
async function callAndCancel(client: Client, name: string) {
  const controller = new AbortController();
  const call = client.callTool(
    { name, arguments: {} },
    { signal: controller.signal, onprogress: () => controller.abort("user cancelled") },
  );
  await expect(call).rejects.toThrow();
}

/** The tool's one execution record, once the server has written it. */
async function recordOf(toolName: string) {
  for (;;) {
    await flushExecutions();
    const records = await db.execution.findMany({ where: { projectId: project.project.id, toolName } });
    if (records.length > 0) return records;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each<Era>(["modern", "legacy"])("a %s client cancelling tools/call", (era) => {
  it.each(["spin", "wait_forever"])("stops the handler (%s) and records the execution as cancelled", async (tool) => {
    await db.execution.deleteMany({ where: { projectId: project.project.id } });
    const client = await connectClient({ url, token: project.token, era });
    try {
      await callAndCancel(client, tool);
      const records = await recordOf(tool);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ status: "ERROR", errorType: "cancelled", errorCode: "cancelled" });
      // Stopped, not timed out: it was recorded well before its time limit.
      expect(records[0].durationMs).toBeLessThan(TIMEOUT_MS / 2);

      // The connection (and, for 2025 clients, the credential's cancellation) serves the next call as usual.
      const next = await client.callTool({ name: "quick", arguments: {} });
      expect(next.structuredContent).toEqual({ ok: true });
    } finally {
      await client.close();
    }
  });
});

describe("a notifications/cancelled from another address", () => {
  it("does not stop the call: only its own client can cancel it", async () => {
    await db.execution.deleteMany({ where: { projectId: project.project.id } });
    const client = await connectClient({ url, token: project.token, era: "legacy" });
    // Same credential, another host: it cancels every request id the client may have used.
    const cancelFromElsewhere = async () => {
      for (let requestId = 0; requestId <= 20; requestId++) {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json, text/event-stream",
            "MCP-Protocol-Version": "2025-11-25",
            Authorization: `Bearer ${project.token}`,
            "X-Forwarded-For": "203.0.113.9",
          },
          body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId } }),
        });
        expect(response.status).toBe(202);
        await response.body?.cancel();
      }
    };
    try {
      let cancelling: Promise<void> | undefined;
      const result = await client.callTool(
        { name: "spin_briefly", arguments: {} },
        {
          onprogress: () => {
            cancelling = cancelFromElsewhere();
          },
        },
      );
      await cancelling;
      // It ran to its own time limit.
      expect(result.isError).toBe(true);
      const [record] = await recordOf("spin_briefly");
      expect(record).toMatchObject({ errorType: "timeout" });
    } finally {
      await client.close();
    }
  });
});
