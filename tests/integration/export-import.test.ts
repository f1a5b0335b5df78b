// Export and import through the real route handlers on a real database: a project with every kind
// of item exports as one archive (secrets by name only), imports into another organization as a
// new project with the same draft digest, previews what it would change onto an existing draft,
// refuses a broken archive naming the item, and keeps roles and organizations apart.
import { beforeAll, describe, expect, it } from "vitest";
import { getProjectAccess } from "@/lib/access";
import { createComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { setSecret } from "@/lib/tools/secrets";
import { createTool } from "@/lib/tools/tools";
import { createExportImportOrgs, digestOf, exportArchive as exportOf, importNew, importOnto } from "./export-helpers";
import { type OrgFixture, type TestUser, uniqueSlug } from "./helpers";

const SECRET_VALUE = "sk-live-export-never-leaves-1234";

let source: OrgFixture;
let other: { owner: TestUser; orgSlug: string };

const exportArchive = (user: TestUser) => exportOf(user, source.organization.slug, source.project.slug);

beforeAll(async () => {
  const orgs = await createExportImportOrgs();
  ({ source, other } = orgs);
  const { access } = orgs;
  await db.project.update({ where: { id: access.project.id }, data: { instructions: "Use get_weather for forecasts." } });
  await createComponent({
    access,
    input: { name: "card", html: "<!doctype html><p>card</p>", csp: { connectDomains: ["api.example.com"] } },
  });
  await createTool({
    access,
    input: {
      name: "get_weather",
      kind: "data",
      description: "Forecast for a city",
      inputSchema: { type: "object", properties: { city: { type: "string", description: "City" } }, required: ["city"] },
      outputSchema: { type: "object", properties: { temp: { type: "number" } } },
      handler: "async ({ city }, env) => ({ temp: 21, city })",
      allowedDomains: ["api.example.com"],
      timeoutMs: 5000,
    },
  });
  await setSecret({ access, actor: source.users.owner, toolName: "get_weather", key: "WEATHER_KEY", value: SECRET_VALUE });
  await createTool({ access, input: { name: "show_card", kind: "ui", component: "card", visibility: ["model"] } });
  await createPrompt({
    access,
    input: {
      name: "plan_trip",
      arguments: [{ name: "city" }],
      messages: [{ role: "user", content: { type: "text", text: "Plan {{city}}" } }],
    },
  });
  await createResource({ access, input: { name: "readme", uri: "notes://readme", text: "hello" } });
});

describe("export", () => {
  it("is one archive of the draft with secrets by name only", async () => {
    const result = await exportArchive(source.users.viewer);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-disposition")).toContain(`${source.project.slug}.atelier.json`);
    const archive = result.body;
    expect(archive.format).toBe("atelier.project-export/v1");
    expect(archive.tools.map((tool) => tool.name)).toEqual(["get_weather", "show_card"]);
    expect(archive.components.map((component) => component.name)).toEqual(["card"]);
    expect(archive.prompts.map((prompt) => prompt.name)).toEqual(["plan_trip"]);
    expect(archive.resources.map((resource) => resource.name)).toEqual(["readme"]);
    expect(archive.tools[0].secretNames).toEqual(["WEATHER_KEY"]);
    expect(JSON.stringify(archive)).not.toContain(SECRET_VALUE);
    expect(archive.source?.draftDigest).toBe(await digestOf(source.users.viewer, source.organization.slug, source.project.slug));
  });

  it("is a 404 for another organization's member", async () => {
    const result = await exportArchive(other.owner);
    expect(result.status).toBe(404);
  });
});

describe("import as a new project", () => {
  it("round-trips into another organization with an identical draft digest", async () => {
    const archive = (await exportArchive(source.users.editor)).body;
    const slug = uniqueSlug("imported");
    const result = await importNew(other.owner, other.orgSlug, { archive, slug });
    expect(result.status).toBe(201);
    expect(result.body.applied).toBe(true);
    expect(result.body.preview.tools.create).toEqual(["get_weather", "show_card"]);
    expect(result.body.preview.secretsToSet).toEqual([{ tool: "get_weather", names: ["WEATHER_KEY"] }]);
    const imported = await digestOf(other.owner, other.orgSlug, slug);
    expect(imported).toBe(archive.source?.draftDigest);
    expect(result.body.draftDigest).toBe(imported);
    const project = await db.project.findFirstOrThrow({ where: { slug, organization: { slug: other.orgSlug } } });
    expect(project.instructions).toBe("Use get_weather for forecasts.");
    expect(await db.toolSecret.count({ where: { tool: { projectId: project.id } } })).toBe(0);
  });

  it("previews without writing on dryRun", async () => {
    const archive = (await exportArchive(source.users.editor)).body;
    const slug = uniqueSlug("dry");
    const result = await importNew(other.owner, other.orgSlug, { archive, slug, dryRun: true });
    expect(result.status).toBe(200);
    expect(result.body.applied).toBe(false);
    expect(result.body.preview.components.create).toEqual(["card"]);
    expect(await db.project.count({ where: { slug } })).toBe(0);
  });

  it("refuses a broken archive naming the item, and leaves no project behind", async () => {
    const archive = (await exportArchive(source.users.editor)).body;
    const broken = {
      ...archive,
      tools: archive.tools.map((tool) => (tool.name === "get_weather" ? { ...tool, inputSchema: { type: 7 } } : tool)),
    };
    const slug = uniqueSlug("broken");
    const result = await importNew(other.owner, other.orgSlug, { archive: broken, slug });
    expect(result.status).toBe(422);
    expect(result.body.error?.message).toMatch(/^tools\/get_weather: inputSchema: /);
    expect(await db.project.count({ where: { slug } })).toBe(0);
  });

  it("refuses what is not an archive", async () => {
    const result = await importNew(other.owner, other.orgSlug, { archive: { tools: [] }, slug: uniqueSlug("x") });
    expect(result.status).toBe(422);
    expect(result.body.error?.message).toContain("atelier.project-export/v1");
  });

  it("needs organization.createProject: an Editor is refused", async () => {
    const archive = (await exportArchive(source.users.editor)).body;
    const result = await importNew(source.users.editor, source.organization.slug, { archive, slug: uniqueSlug("ed") });
    expect(result.status).toBe(403);
  });
});

describe("import onto an existing draft", () => {
  it("previews create/update/delete and then makes the draft equal to the archive", async () => {
    const archive = (await exportArchive(source.users.editor)).body;
    const slug = uniqueSlug("target");
    await importNew(other.owner, other.orgSlug, { archive, slug });
    const access = await getProjectAccess({ actor: other.owner, orgSlug: other.orgSlug, projectSlug: slug, permission: "project.edit" });
    await createTool({ access, input: { name: "extra", kind: "data" } });
    const edited = {
      ...archive,
      tools: archive.tools.map((tool) => (tool.name === "get_weather" ? { ...tool, description: "Edited forecast" } : tool)),
    };
    const post = (dryRun: boolean) => importOnto(other.owner, other.orgSlug, slug, { archive: edited, dryRun });
    const preview = await post(true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.tools).toEqual({ create: [], update: ["get_weather"], delete: ["extra"], unchanged: ["show_card"] });
    expect(preview.body.preview.secretsToSet).toEqual([{ tool: "get_weather", names: ["WEATHER_KEY"] }]);
    expect(await db.tool.count({ where: { projectId: access.project.id, name: "extra" } })).toBe(1);

    const applied = await post(false);
    expect(applied.status).toBe(200);
    expect(await db.tool.count({ where: { projectId: access.project.id, name: "extra" } })).toBe(0);
    const tool = await db.tool.findFirstOrThrow({ where: { projectId: access.project.id, name: "get_weather" } });
    expect(tool.description).toBe("Edited forecast");
    expect(applied.body.draftDigest).not.toBe(archive.source?.draftDigest);
    const audit = await db.auditEvent.findFirst({ where: { action: "project.import", targetId: access.project.id } });
    expect(audit).not.toBeNull();
  });

  it("is refused to a Viewer", async () => {
    const archive = (await exportArchive(source.users.viewer)).body;
    const result = await importOnto(source.users.viewer, source.organization.slug, source.project.slug, { archive });
    expect(result.status).toBe(403);
  });
});
