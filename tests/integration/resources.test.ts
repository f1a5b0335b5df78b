// Static resources and resource templates (issue 13 §2) through the admin API, served over real
// HTTP to the real SDK client in both eras next to the ui:// components, with completion, pinned by
// publish with breaking-change warnings.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as resourceRoute from "@/app/app/v1/organizations/[org]/projects/[project]/resources/[name]/route";
import * as resourcesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/resources/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { createComponent } from "@/lib/components/components";
import { MAX_RESOURCE_BYTES } from "@/lib/resources/resource-input";
import { namedItemsApi, type OrgFixture, type TestUser } from "./helpers";
import { connectClient, createDraftProject, type Era, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let orgSlug: string;
let projectSlug: string;
let token: string;
let draftUrl: string;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]).toString("base64");

const resourcesApi = (user: TestUser) =>
  namedItemsApi({ collection: resourcesRoute, item: resourceRoute }, { orgSlug, projectSlug, kind: "resources" }, user);

beforeAll(async () => {
  const created = await createDraftProject();
  ({ fixture, token } = created);
  orgSlug = fixture.organization.slug;
  projectSlug = created.project.slug;
  await createComponent({ access: created.access, input: { name: "card", html: "<div>card</div>" } });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  draftUrl = `${server.origin}${created.draftPath}`;
});

afterAll(async () => {
  await server?.close();
});

describe("an empty project", () => {
  it("answers resources/templates/list and prompts/list with empty lists, never method-not-found", async () => {
    const client = await connectClient({ url: draftUrl, token, era: "legacy" });
    try {
      expect((await client.listResourceTemplates()).resourceTemplates).toEqual([]);
      expect((await client.listPrompts()).prompts).toEqual([]);
    } finally {
      await client.close();
    }
  });
});

describe("admin API", () => {
  it("creates static (text, binary) resources and templates; refuses reserved schemes, bad templates, duplicates and oversized contents", async () => {
    const api = resourcesApi(fixture.users.editor);
    expect(
      (await api.create({ name: "readme", uri: "notes://readme", title: "Read me", mimeType: "text/markdown", text: "# Hello" })).status,
    ).toBe(201);
    expect((await api.create({ name: "logo", uri: "notes://logo.png", mimeType: "image/png", blob: PNG })).status).toBe(201);
    const template = await api.create({
      name: "day",
      kind: "template",
      uri: "notes://days/{date}{?lang}",
      description: "Notes of one day",
      mimeType: "application/json",
      handler: "async (vars) => ({ text: JSON.stringify({ date: vars.date, lang: vars.lang ?? 'en' }) })",
      completions: {
        date: ["2026-11-28", "2026-11-29", "2026-12-01"],
        lang: "async (value, others) => ['en', 'fr', 'de'].map((lang) => lang + ':' + (others.date ?? '')).filter((lang) => lang.startsWith(value))",
      },
    });
    expect(template.status).toBe(201);

    const ui = await api.create({ name: "ui_thing", uri: "ui://x/y", text: "no" });
    expect([ui.status, ui.body.error.message]).toEqual([422, expect.stringMatching(/must not use the ui:\/\/ scheme/)]);
    const variableInStatic = await api.create({ name: "static_var", uri: "notes://{id}", text: "x" });
    expect(variableInStatic.body.error.message).toMatch(/make it a resource template/);
    const noVariable = await api.create({ name: "tpl", kind: "template", uri: "notes://fixed" });
    expect(noVariable.body.error.message).toMatch(/at least one \{variable\}/);
    expect((await api.create({ name: "readme_again", uri: "notes://readme", text: "dup" })).status).toBe(409);
    const huge = await api.create({ name: "huge", uri: "notes://huge", text: "x".repeat(MAX_RESOURCE_BYTES + 1) });
    expect(huge.status).toBe(413);
  });
});

describe.each<Era>(["modern", "legacy"])("draft endpoint, %s era", (era) => {
  let client: Client;
  beforeAll(async () => {
    client = await connectClient({ url: draftUrl, token, era });
  });
  afterAll(async () => {
    await client?.close();
  });

  it("lists static resources after the components, and the templates", async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual([expect.stringMatching(/^ui:\/\//), "notes://logo.png", "notes://readme"]);
    expect(resources[2]).toEqual({ uri: "notes://readme", name: "readme", title: "Read me", mimeType: "text/markdown" });
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([
      { uriTemplate: "notes://days/{date}{?lang}", name: "day", description: "Notes of one day", mimeType: "application/json" },
    ]);
  });

  it("reads text and binary static resources", async () => {
    expect((await client.readResource({ uri: "notes://readme" })).contents).toEqual([
      { uri: "notes://readme", mimeType: "text/markdown", text: "# Hello" },
    ]);
    expect((await client.readResource({ uri: "notes://logo.png" })).contents).toEqual([
      { uri: "notes://logo.png", mimeType: "image/png", blob: PNG },
    ]);
  });

  it("reads a template instance through its handler, with the RFC 6570 variables", async () => {
    const read = await client.readResource({ uri: "notes://days/2026-11-29?lang=fr" });
    expect(read.contents).toEqual([
      { uri: "notes://days/2026-11-29?lang=fr", mimeType: "application/json", text: JSON.stringify({ date: "2026-11-29", lang: "fr" }) },
    ]);
    // The SDK's ResourceNotFoundError: -32602 since the 2025-11-25 revision.
    await expect(client.readResource({ uri: "notes://nothing" })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/Resource not found/),
    });
  });

  it("completes template variables by prefix", async () => {
    const completed = await client.complete({
      ref: { type: "ref/resource", uri: "notes://days/{date}{?lang}" },
      argument: { name: "date", value: "2026-11" },
    });
    expect(completed.completion.values).toEqual(["2026-11-28", "2026-11-29"]);
    const byHandler = await client.complete({
      ref: { type: "ref/resource", uri: "notes://days/{date}{?lang}" },
      argument: { name: "lang", value: "f" },
      context: { arguments: { date: "2026-11-29" } },
    });
    expect(byHandler.completion.values).toEqual(["fr:2026-11-29"]);
  });
});

describe("publish", () => {
  it("pins resources, diffs their files and warns when one is removed or moves", async () => {
    const owner = fixture.users.owner;
    const publishing = publishingApi({ orgSlug, projectSlug });
    const first = await publishing.publish(owner, { changelog: "Resources" });
    expect(first.status).toBe(201);
    expect(first.body.changes).toMatchObject({ resources: { added: ["day", "logo", "readme"] } });
    const api = resourcesApi(owner);
    expect((await api.update("readme", { uri: "notes://docs/readme", text: "# Hello again" })).status).toBe(200);
    expect((await api.remove("logo")).status).toBe(204);
    const preview = await publishing.preview(owner);
    expect(preview.body.resources).toEqual({ added: [], modified: ["readme"], removed: ["logo"] });
    expect(preview.body.breakingChanges.map((change) => [change.tool, change.kind])).toEqual([
      ["logo", "resource_removed"],
      ["readme", "resource_uri_changed"],
    ]);
    expect(preview.body.files.map((file) => file.path)).toEqual([
      "resources/logo/contents.base64",
      "resources/logo/resource.json",
      "resources/readme/contents.txt",
      "resources/readme/resource.json",
    ]);
    expect((await api.update("readme", { name: "renamed" })).status).toBe(409);
  });
});
