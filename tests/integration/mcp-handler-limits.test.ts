// Prompt and resource-template handlers run in the sandbox, so they count against the project's
// Data Tool limit like tools/call (a public project's anonymous callers could otherwise run code
// without limit); template prompts and static resources run nothing and are never counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { getRateLimiter } from "@/lib/rate-limit/rate-limiter";
import { createResource } from "@/lib/resources/resources";
import { createOrgWithMembers } from "./helpers";
import { createProjectWithDraftToken, parseJsonRpc, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let server: TestHttpServer;
let url: string;
let token: string;

beforeAll(async () => {
  const fixture = await createOrgWithMembers();
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  token = created.token;
  const { access } = created;
  await createPrompt({ access, input: { name: "by_handler", mode: "handler", handler: "async () => 'Hello'" } });
  await createPrompt({
    access,
    input: {
      name: "by_template",
      arguments: [
        { name: "city", values: ["Paris", "Porto"] },
        { name: "guest", complete: "async (value) => [value + '!']" },
      ],
      messages: [{ role: "user", content: { type: "text", text: "Hello {{city}} {{guest}}" } }],
    },
  });
  await createResource({ access, input: { name: "fixed", uri: "notes://fixed", text: "Hi" } });
  await createResource({
    access,
    input: { name: "day", kind: "template", uri: "notes://days/{date}", handler: "async ({ date }) => date" },
  });
  await db.project.update({ where: { id: created.project.id }, data: { dataToolCallsPerMinute: 2 } });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  url = `${server.origin}/mcp/${fixture.organization.slug}/${created.project.slug}/draft`;
  // A fresh window, whatever ran before in this process.
  getRateLimiter().setClock(() => Date.now() + 7_200_000);
});

afterAll(async () => {
  getRateLimiter().setClock(Date.now);
  await server?.close();
});

const send = (id: number, method: string, params: Record<string, unknown>) =>
  postJsonRpc(url, { jsonrpc: "2.0", id, method, params }, { Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "2025-11-25" });

describe("handler runs and rate limits", () => {
  it("counts handler prompts and template reads against dataToolCallsPerMinute, and completion handlers; never template prompts, declared values or static resources", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await send(100 + i, "prompts/get", { name: "by_template" })).status).toBe(200);
      expect((await send(200 + i, "resources/read", { uri: "notes://fixed" })).status).toBe(200);
    }
    expect((await send(1, "prompts/get", { name: "by_handler" })).status).toBe(200);
    expect((await send(2, "resources/read", { uri: "notes://days/2026-11-29" })).status).toBe(200);

    const refusedPrompt = await send(3, "prompts/get", { name: "by_handler" });
    expect(refusedPrompt.status).toBe(429);
    expect(Number(refusedPrompt.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(parseJsonRpc(refusedPrompt.text)).toMatchObject({
      id: 3,
      error: { message: expect.stringMatching(/Data Tool calls per minute/) },
    });
    const refusedRead = await send(4, "resources/read", { uri: "notes://days/2026-11-30" });
    expect([refusedRead.status, (parseJsonRpc(refusedRead.text) as { id?: unknown }).id]).toEqual([429, 4]);

    const complete = (id: number, name: string) =>
      send(id, "completion/complete", { ref: { type: "ref/prompt", name: "by_template" }, argument: { name, value: "P" } });
    expect((await complete(7, "guest")).status).toBe(429);

    // Still free: nothing runs for these.
    expect((await complete(8, "city")).status).toBe(200);
    expect((await send(5, "prompts/get", { name: "by_template" })).status).toBe(200);
    expect((await send(6, "resources/read", { uri: "notes://fixed" })).status).toBe(200);
  });
});
