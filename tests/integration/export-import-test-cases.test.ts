// Export and import carry saved test cases (issue 16): cases of a tool, a prompt and a resource
// template round-trip through the archive into another organization with the same draft digest;
// the preview lists case changes; a case naming an item the archive lacks is refused; and an
// archive written before cases were exported still imports, leaving the draft's cases alone.
// The tests are one story on one project, in order: each starts from the draft the one before left.
import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { createTestCase, unsafeListProjectTestCases } from "@/lib/test-cases/test-cases";
import { createTool } from "@/lib/tools/tools";
import {
  createExportImportOrgs,
  digestOf,
  exportArchive as exportOf,
  importNew as importNewAs,
  importOnto as importOntoAs,
} from "./export-helpers";
import { type OrgFixture, type TestUser, uniqueSlug } from "./helpers";

let source: OrgFixture;
let access: ProjectAccess;
let other: { owner: TestUser; orgSlug: string };

const org = () => source.organization.slug;
const project = () => source.project.slug;

const exportArchive = async () => (await exportOf(source.users.editor, org(), project())).body;
const importNew = (archive: unknown, slug: string) => importNewAs(other.owner, other.orgSlug, { archive, slug });
const importOnto = (archive: unknown, dryRun = false) => importOntoAs(source.users.owner, org(), project(), { archive, dryRun });

const caseKeys = async (projectId: string) =>
  (await unsafeListProjectTestCases(projectId)).map((item) => `${item.tool ?? item.prompt ?? item.resource}/${item.name}`);

beforeAll(async () => {
  ({ source, other, access } = await createExportImportOrgs());
  await createTool({ access, input: { name: "double", kind: "data", handler: "async ({ n }) => ({ n: n * 2 })" } });
  await createPrompt({
    access,
    input: {
      name: "greet",
      arguments: [{ name: "who", required: true }],
      messages: [{ role: "user", content: { type: "text", text: "Hi {{who}}" } }],
    },
  });
  await createResource({
    access,
    input: {
      name: "day",
      kind: "template",
      uri: "notes://days/{date}",
      mimeType: "application/json",
      handler: "async (v) => ({ text: JSON.stringify(v) })",
    },
  });
  await createTestCase({
    access,
    target: { kind: "tool", name: "double" },
    input: { name: "two", input: { n: 1 }, expectations: [{ kind: "structuredEquals", value: { n: 2 } }] },
  });
  await createTestCase({
    access,
    target: { kind: "prompt", name: "greet" },
    input: { name: "ada", input: { who: "Ada" }, expectations: [{ kind: "textContains", value: "Hi Ada" }] },
  });
  await createTestCase({
    access,
    target: { kind: "resource", name: "day" },
    input: { name: "monday", input: { date: "2026-11-30" }, expectations: [{ kind: "mimeType", value: "application/json" }] },
  });
});

describe("test cases in export and import", () => {
  it("exports the cases of tools, prompts and resource templates", async () => {
    const archive = await exportArchive();
    expect(archive.testCases).toEqual([
      { tool: "double", name: "two", input: { n: 1 }, expectations: [{ kind: "structuredEquals", value: { n: 2 } }] },
      { prompt: "greet", name: "ada", input: { who: "Ada" }, expectations: [{ kind: "textContains", value: "Hi Ada" }] },
      { resource: "day", name: "monday", input: { date: "2026-11-30" }, expectations: [{ kind: "mimeType", value: "application/json" }] },
    ]);
  });

  it("round-trips them into another organization with the same draft digest", async () => {
    const archive = await exportArchive();
    const slug = uniqueSlug("with-cases");
    const result = await importNew(archive, slug);
    expect(result.status).toBe(201);
    expect(result.body.preview.testCases).toEqual({
      create: ["double/two", "prompts/greet/ada", "resources/day/monday"],
      update: [],
      delete: [],
      unchanged: [],
    });
    expect(await digestOf(other.owner, other.orgSlug, slug)).toBe(archive.source?.draftDigest);
    const imported = await db.project.findFirstOrThrow({ where: { slug, organization: { slug: other.orgSlug } } });
    expect(await caseKeys(imported.id)).toEqual(["double/two", "greet/ada", "day/monday"]);
  });

  it("previews and applies case changes onto a draft: the draft's cases become the archive's", async () => {
    const archive = await exportArchive();
    const edited = {
      ...archive,
      testCases: [
        { ...archive.testCases![0], input: { n: 5 }, expectations: [{ kind: "structuredEquals", value: { n: 10 } }] },
        archive.testCases![1],
        { prompt: "greet", name: "grace", input: { who: "Grace" }, expectations: [{ kind: "isError", value: false }] },
      ],
    };
    const preview = await importOnto(edited, true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.testCases).toEqual({
      create: ["prompts/greet/grace"],
      update: ["double/two"],
      delete: ["resources/day/monday"],
      unchanged: ["prompts/greet/ada"],
    });
    expect(await caseKeys(access.project.id)).toEqual(["double/two", "greet/ada", "day/monday"]);

    const applied = await importOnto(edited);
    expect(applied.status).toBe(200);
    expect(await caseKeys(access.project.id)).toEqual(["double/two", "greet/ada", "greet/grace"]);
    expect((await unsafeListProjectTestCases(access.project.id))[0].input).toEqual({ n: 5 });
    expect(applied.body.draftDigest).toBe(await digestOf(source.users.owner, org(), project()));
  });

  it("refuses cases that name an item the archive lacks, a duplicate, or an expectation their target cannot have", async () => {
    const archive = await exportArchive();
    const broken = {
      ...archive,
      testCases: [
        ...archive.testCases!,
        { tool: "missing", name: "x", input: {}, expectations: [{ kind: "isError", value: false }] },
        { prompt: "greet", name: "ada", input: {}, expectations: [{ kind: "isError", value: false }] },
        { prompt: "greet", name: "mime", input: {}, expectations: [{ kind: "mimeType", value: "text/plain" }] },
      ],
    };
    const refused = await importOnto(broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details?.problems).toEqual([
      { item: "testCases/missing/x", field: "tool", message: 'tool: no tool named "missing" in the archive' },
      { item: "testCases/prompts/greet/ada", field: "name", message: 'name: "ada" appears twice for prompts/greet' },
      {
        item: "testCases/prompts/greet/mime",
        field: "expectations",
        message: "expectations: mimeType is not an expectation a prompt's test case can have",
      },
    ]);
  });

  it("imports an archive from before cases were exported, leaving the draft's cases alone", async () => {
    const { testCases: _testCases, ...old } = await exportArchive();
    const before = await caseKeys(access.project.id);
    const preview = await importOnto(old, true);
    expect(preview.body.preview.testCases).toEqual({
      create: [],
      update: [],
      delete: [],
      unchanged: ["double/two", "prompts/greet/ada", "prompts/greet/grace"],
    });
    expect((await importOnto(old)).status).toBe(200);
    expect(await caseKeys(access.project.id)).toEqual(before);

    // Without the prompt, its cases go with it (and the preview says so).
    const withoutPrompt = { ...old, prompts: [] };
    expect((await importOnto(withoutPrompt, true)).body.preview.testCases.delete).toEqual(["prompts/greet/ada", "prompts/greet/grace"]);

    const slug = uniqueSlug("old-archive");
    const created = await importNew(old, slug);
    expect(created.status).toBe(201);
    const imported = await db.project.findFirstOrThrow({ where: { slug, organization: { slug: other.orgSlug } } });
    expect(await caseKeys(imported.id)).toEqual([]);
  });

  it("previews the cases of a tool whose kind an archive without cases changes as deleted, as the import deletes them", async () => {
    const { testCases: _testCases, ...old } = await exportArchive();
    // The import deletes "double" and creates it again as a UI tool; its cases go with it.
    const kindChanged = {
      ...old,
      components: [...old.components, { name: "card", html: "<!doctype html><p>card</p>" }],
      tools: old.tools.map((tool) => (tool.name === "double" ? { name: "double", kind: "ui", component: "card" } : tool)),
    };
    const preview = await importOnto(kindChanged, true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.tools.update).toEqual(["double"]);
    expect(preview.body.preview.testCases).toEqual({
      create: [],
      update: [],
      delete: ["double/two"],
      unchanged: ["prompts/greet/ada", "prompts/greet/grace"],
    });
    expect((await importOnto(kindChanged)).status).toBe(200);
    expect(await caseKeys(access.project.id)).toEqual(["greet/ada", "greet/grace"]);
  });
  it("previews the cases of a tool whose kind the archive changes as created again, as the import re-creates them", async () => {
    // "double" is a UI Tool since the test before; a case of it is saved, then exported.
    await createTestCase({
      access,
      target: { kind: "tool", name: "double" },
      input: { name: "three", input: { n: 3 }, expectations: [{ kind: "structuredEquals", value: { n: 6 } }] },
    });
    const caseId = async () =>
      (await unsafeListProjectTestCases(access.project.id)).find((item) => item.tool === "double" && item.name === "three")?.id;
    const before = await caseId();
    const archive = await exportArchive();
    const kindChanged = {
      ...archive,
      tools: archive.tools.map((tool) =>
        tool.name === "double" ? { name: "double", kind: "data", handler: "async ({ n }) => ({ n: n * 2 })" } : tool,
      ),
    };
    const preview = await importOnto(kindChanged, true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.tools.update).toEqual(["double"]);
    // The import deletes "double" with its cases and creates both again: not "unchanged".
    expect(preview.body.preview.testCases).toEqual({
      create: ["double/three"],
      update: [],
      delete: [],
      unchanged: ["prompts/greet/ada", "prompts/greet/grace"],
    });
    expect((await importOnto(kindChanged)).status).toBe(200);
    const after = await caseId();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});
