// Handlers that talk back (issue 13 §3): mcp.log → notifications/message at or above the level the
// client asked for, mcp.progress → notifications/progress only with a progress token, both still in
// the execution record; over real HTTP with the real SDK client in both eras.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { connectClient, createDraftProject, type Era, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let server: TestHttpServer;
let draftUrl: string;
let token: string;
let projectId: string;

const LOG_LEVEL_META_KEY = "io.modelcontextprotocol/logLevel";

beforeAll(async () => {
  const created = await createDraftProject({
    tools: [
      {
        name: "long_job",
        kind: "data",
        handler: `async (props) => {
        mcp.log("debug", "starting");
        mcp.progress(1, 3, "fetched");
        mcp.log("info", { step: 2, secret: env_secret_free() });
        mcp.progress(2, 3);
        mcp.log("warning", "almost done");
        mcp.progress(3, 3, "done");
        return { ok: true };
        function env_secret_free() { return "none"; }
      }`,
      },
      { name: "bad_level", kind: "data", handler: `async () => { mcp.log("loud", "x"); return {}; }` },
    ],
  });
  token = created.token;
  projectId = created.project.id;
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  draftUrl = `${server.origin}${created.draftPath}`;
});

afterAll(async () => {
  await server?.close();
});

type Message = { level: string; data: unknown };
type Progress = { progress: number; total?: number; message?: string };

async function listening(era: Era) {
  const client: Client = await connectClient({ url: draftUrl, token, era });
  const messages: Message[] = [];
  client.setNotificationHandler("notifications/message", (notification) => {
    messages.push({ level: notification.params.level, data: notification.params.data });
  });
  return { client, messages };
}

describe("mcp.log", () => {
  it("2026-07-28: sends messages at or above the request's log level, none without one", async () => {
    const { client, messages } = await listening("modern");
    try {
      await client.callTool({ name: "long_job", arguments: {}, _meta: { [LOG_LEVEL_META_KEY]: "info" } });
      expect(messages).toEqual([
        { level: "info", data: { step: 2, secret: "none" } },
        { level: "warning", data: "almost done" },
      ]);
      messages.length = 0;
      await client.callTool({ name: "long_job", arguments: {} });
      expect(messages).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("2025 era: logging/setLevel is accepted and, stateless, every level is sent", async () => {
    const { client, messages } = await listening("legacy");
    try {
      expect(client.getServerCapabilities()?.logging).toEqual({});
      await client.setLoggingLevel("warning");
      await client.callTool({ name: "long_job", arguments: {} });
      expect(messages.map((message) => message.level)).toEqual(["debug", "info", "warning"]);
    } finally {
      await client.close();
    }
  });

  it("refuses an unknown level with the handler's error, and keeps everything in the execution record", async () => {
    const { client } = await listening("modern");
    try {
      const refused = (await client.callTool({ name: "bad_level", arguments: {} })) as {
        isError?: boolean;
        content: Array<{ text: string }>;
      };
      expect(refused.isError).toBe(true);
      expect(refused.content[0].text).toMatch(/mcp\.log: level must be one of debug, info/);
    } finally {
      await client.close();
    }
    await flushExecutions();
    const record = await db.execution.findFirstOrThrow({ where: { projectId, toolName: "long_job" }, orderBy: { createdAt: "desc" } });
    expect((record.logs as Array<{ message: string }>).map((entry) => entry.message)).toEqual([
      "[debug] starting",
      "[progress] 1/3 fetched",
      '[info] {"step":2,"secret":"none"}',
      "[progress] 2/3",
      "[warning] almost done",
      "[progress] 3/3 done",
    ]);
  });
});

describe.each<Era>(["modern", "legacy"])("mcp.progress, %s era", (era) => {
  it("sends notifications/progress when the request carries a progress token, and none without", async () => {
    const client = await connectClient({ url: draftUrl, token, era });
    try {
      const updates: Progress[] = [];
      await client.callTool({ name: "long_job", arguments: {} }, { onprogress: (progress) => updates.push(progress) });
      expect(updates).toEqual([
        { progress: 1, total: 3, message: "fetched" },
        { progress: 2, total: 3 },
        { progress: 3, total: 3, message: "done" },
      ]);
      let unexpected = 0;
      client.setNotificationHandler("notifications/progress", () => {
        unexpected++;
      });
      expect((await client.callTool({ name: "long_job", arguments: {} })).structuredContent).toEqual({ ok: true });
      expect(unexpected).toBe(0);
    } finally {
      await client.close();
    }
  });
});
