// Prompts (issue 13 §1) through the admin API, served over real HTTP to the real SDK client in both
// eras (prompts/list, prompts/get with arguments, handler prompts, completion), pinned by publish
// with breaking-change warnings, and a name fixed once published.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import * as promptRoute from "@/app/app/v1/organizations/[org]/projects/[project]/prompts/[name]/route";
import * as promptsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/prompts/route";
import { db } from "@/lib/db";
import { namedItemsApi, type OrgFixture, type TestUser } from "./helpers";
import { connectClient, createDraftProject, type Era, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let orgSlug: string;
let projectSlug: string;
let token: string;
let draftUrl: string;

const promptsApi = (user: TestUser) =>
  namedItemsApi({ collection: promptsRoute, item: promptRoute }, { orgSlug, projectSlug, kind: "prompts" }, user);

const review = {
  name: "review_code",
  title: "Review code",
  description: "Asks for a code review",
  arguments: [
    { name: "language", description: "Programming language", required: true, values: ["python", "typescript", "rust", "ruby"] },
    { name: "focus", description: "What to look at" },
  ],
  messages: [
    { role: "user", content: { type: "text", text: "Review this {{language}} code. Focus: {{ focus }}." } },
    { role: "assistant", content: { type: "text", text: "Send the {{language}} code." } },
    {
      role: "user",
      content: {
        type: "resource",
        resource: { uri: "notes://style/{{language}}", mimeType: "text/plain", text: "Style guide for {{language}}" },
      },
    },
    { role: "user", content: { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" } },
  ],
};

const greeting = {
  name: "greeting",
  mode: "handler",
  arguments: [
    { name: "who", required: true, complete: "async (value) => ['Ada', 'Alan', 'Grace'].filter((name) => name.startsWith(value))" },
  ],
  handler:
    "async (args, env) => { console.log('greeting', args.who); return [{ role: 'user', content: { type: 'text', text: `Say hello to ${args.who} in ${env.locale}` } }]; }",
};

beforeAll(async () => {
  const created = await createDraftProject();
  ({ fixture, token } = created);
  orgSlug = fixture.organization.slug;
  projectSlug = created.project.slug;
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
  draftUrl = `${server.origin}${created.draftPath}`;
});

afterAll(async () => {
  await server?.close();
});

describe("admin API", () => {
  it("creates prompts; refuses placeholders naming no argument, bad handlers, duplicates, and viewers", async () => {
    const api = promptsApi(fixture.users.editor);
    expect((await api.create(review)).status).toBe(201);
    expect((await api.create(greeting)).status).toBe(201);
    expect((await api.list()).body.data.map((prompt) => prompt.name)).toEqual(["greeting", "review_code"]);

    const unknown = await api.create({ name: "bad", messages: [{ role: "user", content: { type: "text", text: "Hi {{nobody}}" } }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/\{\{nobody\}\} name no argument/);
    const broken = await api.create({ name: "bad", mode: "handler", handler: "async (args => {" });
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toMatch(/^handler: line 1/);
    expect((await api.create({ ...review })).status).toBe(409);
    expect((await api.create({ name: "Bad Name", messages: review.messages })).status).toBe(422);
    expect((await promptsApi(fixture.users.viewer).create({ ...review, name: "viewer_prompt" })).status).toBe(403);
  });
});

describe.each<Era>(["modern", "legacy"])("draft endpoint, %s era", (era) => {
  let client: Client;
  beforeAll(async () => {
    client = await connectClient({ url: draftUrl, token, era, headers: { "Accept-Language": "de-CH" } });
  });
  afterAll(async () => {
    await client?.close();
  });

  it("lists prompts with their arguments", async () => {
    expect(client.getServerCapabilities()?.prompts).toBeDefined();
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      { name: "greeting", arguments: [{ name: "who", required: true }] },
      {
        name: "review_code",
        title: "Review code",
        description: "Asks for a code review",
        arguments: [
          { name: "language", description: "Programming language", required: true },
          { name: "focus", description: "What to look at", required: false },
        ],
      },
    ]);
  });

  it("fills a template's {{arguments}} in text and embedded resources; optional ones left out are empty", async () => {
    const result = await client.getPrompt({ name: "review_code", arguments: { language: "rust" } });
    expect(result.description).toBe("Asks for a code review");
    expect(result.messages).toEqual([
      { role: "user", content: { type: "text", text: "Review this rust code. Focus: ." } },
      { role: "assistant", content: { type: "text", text: "Send the rust code." } },
      {
        role: "user",
        content: { type: "resource", resource: { uri: "notes://style/rust", mimeType: "text/plain", text: "Style guide for rust" } },
      },
      { role: "user", content: { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" } },
    ]);
  });

  it("runs a handler prompt in the sandbox with the arguments and env", async () => {
    const result = await client.getPrompt({ name: "greeting", arguments: { who: "Ada" } });
    expect(result.messages).toEqual([{ role: "user", content: { type: "text", text: "Say hello to Ada in de-CH" } }]);
  });

  it("refuses missing, unknown and unknown-prompt arguments with -32602", async () => {
    await expect(client.getPrompt({ name: "review_code", arguments: {} })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/needs the argument language/),
    });
    await expect(client.getPrompt({ name: "review_code", arguments: { language: "go", tone: "harsh" } })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/no argument tone/),
    });
    await expect(client.getPrompt({ name: "nope" })).rejects.toMatchObject({ code: -32602 });
  });

  it("completes argument values by prefix", async () => {
    const completed = await client.complete({
      ref: { type: "ref/prompt", name: "review_code" },
      argument: { name: "language", value: "r" },
    });
    expect(completed.completion).toEqual({ values: ["rust", "ruby"], total: 2, hasMore: false });
    const byHandler = await client.complete({ ref: { type: "ref/prompt", name: "greeting" }, argument: { name: "who", value: "A" } });
    expect(byHandler.completion.values).toEqual(["Ada", "Alan"]);
  });
});

describe("publish", () => {
  it("pins prompts, diffs them, warns about breaking changes, and fixes published names", async () => {
    const owner = fixture.users.owner;
    const publishing = publishingApi({ orgSlug, projectSlug });
    const first = await publishing.publish(owner, { changelog: "Prompts" });
    expect(first.status).toBe(201);
    expect(first.body.changes).toMatchObject({ prompts: { added: ["greeting", "review_code"], modified: [], removed: [] } });
    const row = await db.package.findFirstOrThrow({ where: { project: { slug: projectSlug } }, select: { promptNames: true } });
    expect(row.promptNames).toEqual(["greeting", "review_code"]);

    // Production serves the pinned template even after the draft changes.
    const api = promptsApi(owner);
    const rename = await api.update("greeting", { name: "hello" });
    expect(rename.status).toBe(409);
    expect(rename.body.error.message).toMatch(/was published in 1\.0\.0/);
    expect(
      (
        await api.update("review_code", {
          arguments: [
            { name: "language", required: true },
            { name: "audience", required: true },
          ],
          messages: [{ role: "user", content: { type: "text", text: "Review {{language}} for {{audience}}" } }],
        })
      ).status,
    ).toBe(200);
    expect((await api.remove("greeting")).status).toBe(204);

    const preview = await publishing.preview(owner);
    expect(preview.body.prompts).toEqual({ added: [], modified: ["review_code"], removed: ["greeting"] });
    expect(preview.body.bump).toBe("major");
    expect(preview.body.breakingChanges.map((change) => [change.tool, change.kind])).toEqual([
      ["greeting", "prompt_removed"],
      ["review_code", "prompt_argument_removed"],
      ["review_code", "prompt_argument_newly_required"],
    ]);
    expect(preview.body.files.map((file) => [file.path, file.status])).toEqual([
      ["prompts/greeting/handler.js", "removed"],
      ["prompts/greeting/prompt.json", "removed"],
      ["prompts/review_code/prompt.json", "modified"],
    ]);

    await db.project.update({
      where: { id: (await db.project.findFirstOrThrow({ where: { slug: projectSlug } })).id },
      data: { visibility: "PUBLIC" },
    });
    const production = await connectClient({ url: `${server.origin}/mcp/${orgSlug}/${projectSlug}`, token: null, era: "modern" });
    try {
      expect((await production.listPrompts()).prompts.map((prompt) => prompt.name)).toEqual(["greeting", "review_code"]);
      const pinned = await production.getPrompt({ name: "review_code", arguments: { language: "go", focus: "tests" } });
      expect(pinned.messages[0]).toEqual({ role: "user", content: { type: "text", text: "Review this go code. Focus: tests." } });
    } finally {
      await production.close();
    }
  });
});
