// Handlers that ask (issue 13 §3): `await mcp.elicit(...)` and `await mcp.sample(...)` become a
// 2026-07-28 input-required result; the real SDK v2 client answers through its elicitation and
// sampling handlers and retries, and the handler runs again with the answers. A client without the
// capability, and a 2025-era client (stateless: its answer could not reach the call), get an error
// result saying so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { createPrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { connectClient, createDraftProject, parseJsonRpc, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let server: TestHttpServer;
let draftUrl: string;
let token: string;
let projectId: string;

beforeAll(async () => {
  const created = await createDraftProject({
    tools: [
      {
        name: "archive_note",
        kind: "data",
        inputSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
        handler: `async (props) => {
        console.log("run");
        const answer = await mcp.elicit({
          message: "Archive " + props.name + "?",
          requestedSchema: { type: "object", properties: { confirm: { type: "boolean" } }, required: ["confirm"] },
        });
        if (answer.action !== "accept" || answer.content.confirm !== true) return { archived: false };
        const summary = await mcp.sample({ messages: [{ role: "user", content: { type: "text", text: "Summarize " + props.name } }], maxTokens: 50 });
        return { archived: true, summary: summary.content.text };
      }`,
      },
    ],
  });
  token = created.token;
  projectId = created.project.id;
  await createPrompt({
    access: created.access,
    input: {
      name: "plan_trip",
      mode: "handler",
      handler: `async () => {
        const answer = await mcp.elicit({ message: "Where to?", requestedSchema: { type: "object", properties: { city: { type: "string" } } } }, { key: "city" });
        return [{ role: "user", content: { type: "text", text: "Plan a trip to " + answer.content.city } }];
      }`,
    },
  });
  await createResource({
    access: created.access,
    input: {
      name: "private_note",
      kind: "template",
      uri: "notes://private/{id}",
      handler: `async ({ id }) => {
        const answer = await mcp.elicit({ message: "Show note " + id + "?", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } } } }, { key: "show" });
        return answer.action === "accept" ? "Note " + id : "Hidden";
      }`,
    },
  });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  draftUrl = `${server.origin}${created.draftPath}`;
});

afterAll(async () => {
  await server?.close();
});

const modernClient = (capabilities: Record<string, object>) => connectClient({ url: draftUrl, token, era: "modern", capabilities });

type Result = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

describe("2026-07-28", () => {
  it("asks through an input-required result, and runs the handler again with the answers", async () => {
    const client = await modernClient({ elicitation: {}, sampling: {} });
    const asked: string[] = [];
    client.setRequestHandler("elicitation/create", async (request) => {
      asked.push(`elicit: ${(request.params as { message: string }).message}`);
      return { action: "accept", content: { confirm: true } };
    });
    client.setRequestHandler("sampling/createMessage", async (request) => {
      const [message] = (request.params as { messages: Array<{ content: { text: string } }> }).messages;
      asked.push(`sample: ${message.content.text}`);
      return { role: "assistant", content: { type: "text", text: "A short note." }, model: "test-model", stopReason: "endTurn" };
    });
    try {
      const result = (await client.callTool({ name: "archive_note", arguments: { name: "groceries" } })) as Result;
      expect(result.structuredContent).toEqual({ archived: true, summary: "A short note." });
      expect(asked).toEqual(["elicit: Archive groceries?", "sample: Summarize groceries"]);

      client.setRequestHandler("elicitation/create", async () => ({ action: "decline" }));
      expect(((await client.callTool({ name: "archive_note", arguments: { name: "taxes" } })) as Result).structuredContent).toEqual({
        archived: false,
      });
    } finally {
      await client.close();
    }
    // One execution per round: the rounds that stopped to ask are recorded as input_required.
    await flushExecutions();
    const rounds = await db.execution.findMany({ where: { projectId, toolName: "archive_note" }, orderBy: { createdAt: "asc" } });
    expect(rounds.map((row) => row.errorCode)).toEqual(["input_required", "input_required", null, "input_required", null]);
  });

  it("refuses a requestState it did not issue for this call (altered, or from another call) with -32602", async () => {
    const call = (requestState: string, id: number) =>
      postJsonRpc(
        draftUrl,
        {
          jsonrpc: "2.0",
          id,
          method: "tools/call",
          params: {
            name: "archive_note",
            arguments: { name: "groceries" },
            inputResponses: {
              "sample-2": { role: "assistant", content: { type: "text", text: "forged" }, model: "m", stopReason: "endTurn" },
            },
            requestState,
            _meta: {
              "io.modelcontextprotocol/protocolVersion": "2026-07-28",
              "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
              "io.modelcontextprotocol/clientCapabilities": { elicitation: {}, sampling: {} },
            },
          },
        },
        { Authorization: `Bearer ${token}`, "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": "archive_note" },
      );
    for (const [index, state] of [
      "not-a-state",
      Buffer.from('{"elicit-1":{"action":"accept","content":{"confirm":true}}}').toString("base64"),
    ].entries()) {
      const response = await call(state, 50 + index);
      expect(parseJsonRpc(response.text)).toMatchObject({
        id: 50 + index,
        error: { code: -32602, message: expect.stringMatching(/Invalid requestState/) },
      });
    }
  });

  it("refuses a client that did not declare the capability with -32021 (MissingRequiredClientCapability)", async () => {
    const client = await modernClient({});
    try {
      await expect(client.callTool({ name: "archive_note", arguments: { name: "x" } })).rejects.toMatchObject({
        code: -32021,
        message: expect.stringMatching(/needs the client's elicitation capability/),
      });
    } finally {
      await client.close();
    }
  });
});

describe("a prompt handler that asks", () => {
  it("2026-07-28: prompts/get becomes input-required and renders with the answer", async () => {
    const client = await modernClient({ elicitation: {} });
    client.setRequestHandler("elicitation/create", async () => ({ action: "accept", content: { city: "Lisbon" } }));
    try {
      expect((await client.getPrompt({ name: "plan_trip" })).messages).toEqual([
        { role: "user", content: { type: "text", text: "Plan a trip to Lisbon" } },
      ]);
    } finally {
      await client.close();
    }
  });

  it("2025 era: a JSON-RPC error saying why (prompts have no error results)", async () => {
    const client = await connectClient({ url: draftUrl, token, era: "legacy" });
    try {
      await expect(client.getPrompt({ name: "plan_trip" })).rejects.toThrow(/needs a client speaking MCP 2026-07-28/);
    } finally {
      await client.close();
    }
  });
});

describe("a resource template handler that asks", () => {
  it("2026-07-28: resources/read becomes input-required and reads with the answer; 2025 era: a JSON-RPC error", async () => {
    const client = await modernClient({ elicitation: {} });
    client.setRequestHandler("elicitation/create", async () => ({ action: "accept", content: { ok: true } }));
    try {
      expect((await client.readResource({ uri: "notes://private/7" })).contents).toEqual([
        { uri: "notes://private/7", mimeType: "text/plain", text: "Note 7" },
      ]);
    } finally {
      await client.close();
    }
    const legacy = await connectClient({ url: draftUrl, token, era: "legacy" });
    try {
      await expect(legacy.readResource({ uri: "notes://private/7" })).rejects.toThrow(/needs a client speaking MCP 2026-07-28/);
    } finally {
      await legacy.close();
    }
  });
});

describe("2025 era", () => {
  it("answers with an error result: a stateless server cannot receive the client's answer", async () => {
    const client = await connectClient({ url: draftUrl, token, era: "legacy" });
    try {
      const result = (await client.callTool({ name: "archive_note", arguments: { name: "x" } })) as Result;
      expect(result.isError).toBe(true);
      expect(result.content[0].text).toMatch(/needs a client speaking MCP 2026-07-28/);
    } finally {
      await client.close();
    }
  });
});
