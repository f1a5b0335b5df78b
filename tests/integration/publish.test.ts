// Publishing through the real routes on a real database: preview, publish, versions, rollback,
// races, atomicity, the rename guard and the permission matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as toolRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { getOrganizationAccess, getProjectAccess, type ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { createProject, deleteProject } from "@/lib/projects/projects";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import type { CreateToolInput } from "@/lib/tools/tool-input";
import {
  asSession,
  call,
  createOrgWithMembers,
  createTestOrganization,
  createTestUser,
  uniqueSlug,
  type OrgFixture,
  type TestUser,
} from "./helpers";
import { parseJsonRpc } from "./mcp-helpers";
import { publishingApi, type PublishingApi } from "./publish-helpers";

const quotePrice: CreateToolInput = {
  name: "quote_price",
  kind: "data",
  description: "Quotes a price",
  inputSchema: { type: "object", properties: { price: { type: "string" }, note: { type: "string", maxLength: 200 } }, required: ["price"] },
  outputSchema: { type: "object", properties: { quoted: { type: "string" } }, required: ["quoted"] },
  handler: "async (props) => ({ quoted: props.price })",
};
const greet: CreateToolInput = { name: "greet", kind: "data", handler: "async () => ({ hello: 'world' })" };

let fixture: OrgFixture;
let owner: TestUser;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  owner = fixture.users.owner;
});

/** A new project of the shared organization with the given draft tools. */
async function newProject(tools: CreateToolInput[] = [quotePrice, greet]) {
  const orgSlug = fixture.organization.slug;
  const orgAccess = await getOrganizationAccess({ actor: owner, orgSlug, permission: "organization.createProject" });
  const project = await createProject({ access: orgAccess, actor: owner, input: { slug: uniqueSlug("pub"), name: "Publish Test" } });
  const access = await getProjectAccess({ actor: owner, orgSlug, projectSlug: project.slug, permission: "project.edit" });
  for (const input of tools) await createTool({ access, input });
  return { project, access, api: publishingApi({ orgSlug, projectSlug: project.slug }) };
}

async function productionState(projectId: string) {
  const [project, packages, history] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { productionPackageId: true } }),
    db.package.findMany({ where: { projectId }, select: { version: true } }),
    db.publishHistory.count({ where: { projectId } }),
  ]);
  return { pointer: project.productionPackageId, versions: packages.map((row) => row.version).sort(), history };
}

describe("publish preview and publish", () => {
  let access: ProjectAccess;
  let api: PublishingApi;
  let projectId: string;

  beforeAll(async () => {
    const created = await newProject();
    ({ access, api } = created);
    projectId = created.project.id;
  });

  it("previews a first publish: everything added, 1.0.0, a file per handler and schema", async () => {
    const preview = await api.preview(fixture.users.viewer);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      changed: true,
      currentVersion: null,
      suggestedVersion: "1.0.0",
      minimumVersion: "1.0.0",
      bump: null,
      tools: { added: ["greet", "quote_price"], modified: [], removed: [] },
      components: { added: [], modified: [], removed: [] },
      breakingChanges: [],
    });
    expect(preview.body.files.map((file) => `${file.status} ${file.path}`)).toEqual([
      "added tools/greet/handler.js",
      "added tools/greet/input-schema.json",
      "added tools/greet/tool.json",
      "added tools/quote_price/handler.js",
      "added tools/quote_price/input-schema.json",
      "added tools/quote_price/output-schema.json",
      "added tools/quote_price/tool.json",
    ]);
    expect(preview.body.files[3].diff).toContain("+async (props) => ({ quoted: props.price })");
  });

  it("has nothing to publish for an empty draft before the first publish", async () => {
    const empty = await newProject([]);
    expect((await empty.api.preview(owner)).body).toMatchObject({
      changed: false,
      currentVersion: null,
      suggestedVersion: "1.0.0",
      files: [],
    });
    const refused = await empty.api.publish(owner, { changelog: "Nothing" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("Nothing to publish: the draft has no tools, components, prompts or resources yet.");
  });

  it("refuses a publish without a changelog (422) and changes nothing", async () => {
    const refused = await api.publish(owner, { changelog: "   " });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^changelog: is required/);
    expect(await productionState(projectId)).toEqual({ pointer: null, versions: [], history: 0 });
  });

  it("publishes 1.0.0 atomically: package, pointer, history row and audit entry", async () => {
    const published = await api.publish(owner, { changelog: "First release" });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: "1.0.0",
      changelog: "First release",
      author: { id: owner.id, name: owner.name, email: owner.email },
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      isProduction: true,
      previousVersion: null,
      changes: { tools: { added: ["greet", "quote_price"], modified: [], removed: [] } },
    });
    const state = await productionState(projectId);
    expect(state).toEqual({ pointer: published.body.id, versions: ["1.0.0"], history: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: fixture.organization.id, action: "package.publish", targetId: projectId },
    });
    expect(audit).toMatchObject({
      actorUserId: owner.id,
      oldValue: { version: null },
      newValue: { version: "1.0.0", digest: published.body.digest },
    });
  });

  it("keeps secrets and allowed domains out of the package", async () => {
    await updateTool({ access, name: "greet", input: { allowedDomains: ["api.example.com"] } });
    const row = await db.package.findFirstOrThrow({ where: { projectId }, select: { manifest: true } });
    expect(row.manifest).not.toContain("allowedDomains");
    expect(row.manifest).not.toContain("secret");
    // Allowed domains are live: changing them is not a change to publish.
    expect((await api.preview(owner)).body.changed).toBe(false);
  });

  it("then has nothing to publish: changed false, and POST answers 409 with the reason", async () => {
    const preview = await api.preview(owner);
    expect(preview.body).toMatchObject({ changed: false, currentVersion: "1.0.0", files: [], breakingChanges: [] });
    const refused = await api.publish(owner, { changelog: "Again" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: "conflict", message: "Nothing to publish: the draft is identical to production (1.0.0)." });
  });

  it("suggests a patch for a description change and a minor for a new optional input or tool", async () => {
    await updateTool({ access, name: "greet", input: { description: "Says hello" } });
    expect((await api.preview(owner)).body).toMatchObject({ bump: "patch", suggestedVersion: "1.0.1", tools: { modified: ["greet"] } });

    const original = quotePrice.inputSchema as { properties: Record<string, unknown> };
    const withOptional = { ...original, properties: { ...original.properties, locale: { type: "string" } } };
    await updateTool({ access, name: "quote_price", input: { inputSchema: withOptional } });
    expect((await api.preview(owner)).body).toMatchObject({ bump: "minor", suggestedVersion: "1.1.0", breakingChanges: [] });

    await updateTool({ access, name: "quote_price", input: { inputSchema: quotePrice.inputSchema } });
    await createTool({ access, input: { name: "extra", kind: "data" } });
    expect((await api.preview(owner)).body).toMatchObject({ bump: "minor", suggestedVersion: "1.1.0", tools: { added: ["extra"] } });
    await deleteTool({ access, name: "extra" });
  });

  it("warns about breaking changes, suggests a major, and shows the schema diff", async () => {
    const breaking = {
      type: "object",
      properties: { amount: { type: "string" }, currency: { type: "string" } },
      required: ["amount", "currency"],
    };
    await updateTool({ access, name: "quote_price", input: { inputSchema: breaking } });
    await deleteTool({ access, name: "greet" });
    const preview = (await api.preview(owner)).body;
    expect(preview).toMatchObject({
      changed: true,
      bump: "major",
      suggestedVersion: "2.0.0",
      tools: { modified: ["quote_price"], removed: ["greet"] },
    });
    expect(preview.breakingChanges.map((change) => `${change.tool} ${change.kind} ${change.path}`)).toEqual([
      "greet tool_removed ",
      "quote_price property_removed /note",
      "quote_price property_renamed /price",
      "quote_price property_newly_required /currency",
    ]);
    const schemaFile = preview.files.find((file) => file.path === "tools/quote_price/input-schema.json");
    expect(schemaFile?.status).toBe("modified");
    expect(schemaFile?.diff).toContain('-    "price": {');
    expect(schemaFile?.diff).toContain('+    "amount": {');
    expect(preview.files.filter((file) => file.path.startsWith("tools/greet/")).map((file) => file.status)).toEqual([
      "removed",
      "removed",
      "removed",
    ]);
  });
});

describe("versions", () => {
  it("are never reused: 1.0.0, 1.1.0, rollback to 1.0.0, then 1.1.0 is refused and the suggestion goes above it", async () => {
    const { access, api, project } = await newProject();
    expect((await api.publish(owner, { changelog: "One" })).body.version).toBe("1.0.0");
    await createTool({ access, input: { name: "second", kind: "data" } });
    expect((await api.publish(owner, { changelog: "Two" })).body.version).toBe("1.1.0");
    expect((await api.rollback(owner, "1.0.0")).status).toBe(200);

    await updateTool({ access, name: "second", input: { description: "changed" } });
    const preview = (await api.preview(owner)).body;
    expect(preview).toMatchObject({ currentVersion: "1.0.0", bump: "minor", suggestedVersion: "1.2.0", minimumVersion: "1.2.0" });

    const reused = await api.publish(owner, { changelog: "Again", version: "1.1.0" });
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toBe(
      "Version 1.1.0 was already published; versions are never reused, even after a rollback. Use 1.2.0 or higher.",
    );
    const tooLow = await api.publish(owner, { changelog: "Again", version: "1.1.5" });
    expect(tooLow.status).toBe(422);
    expect(tooLow.body.error.message).toBe("version: must be at least 1.2.0 for these changes");

    const raised = await api.publish(owner, { changelog: "Raised by hand", version: "3.0.0" });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ version: "3.0.0", previousVersion: "1.0.0" });
    expect((await productionState(project.id)).versions).toEqual(["1.0.0", "1.1.0", "3.0.0"]);
  });
});

describe("concurrency and atomicity", () => {
  it("lets exactly one of two concurrent publishes win; the other gets 409 and leaves nothing", async () => {
    const { api, project } = await newProject();
    const [first, second] = await Promise.all([
      api.publish(owner, { changelog: "A" }),
      api.publish(fixture.users.admin, { changelog: "B" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.error.code).toBe("conflict");
    const state = await productionState(project.id);
    expect(state.versions).toEqual(["1.0.0"]);
    expect(state.history).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "package.publish", targetId: project.id } })).toBe(1);
  });

  it("lets exactly one win when both ask for different versions (the pointer compare-and-swap decides)", async () => {
    const { api, project } = await newProject();
    const [first, second] = await Promise.all([
      api.publish(owner, { changelog: "A", version: "1.0.0" }),
      api.publish(fixture.users.admin, { changelog: "B", version: "2.0.0" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const winner = first.status === 201 ? first : second;
    expect(await productionState(project.id)).toEqual({ pointer: winner.body.id, versions: [winner.body.version], history: 1 });
  });

  it("answers 201 and 409, never 500, however often two publishes race (row locked before the package insert)", async () => {
    // Without the lock, PostgreSQL deadlocks (P2034) on some rounds: each insert's foreign key
    // share-locks the project row, then both ask to update it.
    const { access, api, project } = await newProject([greet]);
    expect((await api.publish(owner, { changelog: "Base" })).status).toBe(201);
    for (let round = 0; round < 12; round++) {
      await createTool({ access, input: { name: `race_${round}`, kind: "data" } });
      const versions = round % 2 === 0 ? [undefined, undefined] : [`${round + 10}.0.0`, `${round + 10}.1.0`];
      const results = await Promise.all([
        api.publish(owner, { changelog: `A${round}`, version: versions[0] }),
        api.publish(fixture.users.admin, { changelog: `B${round}`, version: versions[1] }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
      const loser = results.find((result) => result.status === 409)!;
      expect(loser.body.error.message).toMatch(/Production changed while you were publishing|Nothing to publish/);
    }
    expect((await productionState(project.id)).history).toBe(13);
  });

  it("leaves nothing behind when the transaction fails mid-way, and production keeps serving the old tools", async () => {
    const { access, api, project } = await newProject([greet]);
    expect((await api.publish(owner, { changelog: "First" })).status).toBe(201);
    const before = await productionState(project.id);
    await createTool({ access, input: { name: "newer", kind: "data" } });

    // A real database failure after the package insert and the pointer move: the history insert raises.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION atelier_test_fail_history() RETURNS trigger AS $$
      BEGIN
        IF NEW."projectId" = '${project.id}' THEN RAISE EXCEPTION 'injected failure: publish history unavailable'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER atelier_test_fail_history BEFORE INSERT ON "PublishHistory" FOR EACH ROW EXECUTE FUNCTION atelier_test_fail_history()`,
    );
    try {
      const failed = await api.publish(owner, { changelog: "Doomed" });
      expect(failed.status).toBe(500);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS atelier_test_fail_history ON "PublishHistory"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS atelier_test_fail_history()`);
    }

    expect(await productionState(project.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "package.publish", targetId: project.id } })).toBe(1);
    const token = (await api.createToken(owner)).body.token!;
    const listed = await productionRoute.POST(
      new Request(`http://localhost:3000/mcp/${fixture.organization.slug}/${project.slug}`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          "MCP-Protocol-Version": "2025-11-25",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      }),
      { params: Promise.resolve({ org: fixture.organization.slug, project: project.slug }) },
    );
    const tools = parseJsonRpc(await listed.text()).result?.tools as Array<{ name: string }>;
    expect(tools.map((tool) => tool.name)).toEqual(["greet"]);

    // With the failure gone, the same publish goes through as 1.1.0.
    expect((await api.publish(owner, { changelog: "Now" })).body.version).toBe("1.1.0");
  });
});

describe("rollback", () => {
  it("moves production to an earlier package, audited, creating nothing new", async () => {
    const { access, api, project } = await newProject([greet]);
    const first = (await api.publish(owner, { changelog: "First" })).body;
    await createTool({ access, input: { name: "second", kind: "data" } });
    await api.publish(owner, { changelog: "Second" });
    const before = await productionState(project.id);

    const rolledBack = await api.rollback(fixture.users.admin, "1.0.0");
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body).toMatchObject({ version: "1.0.0", isProduction: true, previousProductionVersion: "1.1.0" });
    expect(await productionState(project.id)).toEqual({ ...before, pointer: first.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "package.rollback", targetId: project.id } });
    expect(audit).toMatchObject({ actorUserId: fixture.users.admin.id, oldValue: { version: "1.1.0" }, newValue: { version: "1.0.0" } });
    expect((await api.preview(owner)).body).toMatchObject({ currentVersion: "1.0.0", tools: { added: ["second"] } });
  });

  it("refuses the version already in production (409) and one never published (404)", async () => {
    const { api } = await newProject([greet]);
    await api.publish(owner, { changelog: "First" });
    const current = await api.rollback(owner, "1.0.0");
    expect(current.status).toBe(409);
    expect(current.body.error.message).toBe("Version 1.0.0 is already in production");
    const unknown = await api.rollback(owner, "9.9.9");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Version 9.9.9 was never published in this project");
  });
});

describe("deleting a published project", () => {
  it("removes its packages, history and production tokens with it", async () => {
    const { access, api, project } = await newProject([greet]);
    await api.publish(owner, { changelog: "First" });
    await api.createToken(owner);
    await deleteProject({ access, actor: owner });
    expect(await db.package.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.publishHistory.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.productionToken.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("tool names after the first publish", () => {
  it("refuses renaming a published tool with an explanation, and allows renaming one never published", async () => {
    const { access, api } = await newProject([greet]);
    await api.publish(owner, { changelog: "First" });
    await createTool({ access, input: { name: "draft_only", kind: "data" } });
    const params = { ...api.params, tool: "greet" };
    const headers = await asSession(fixture.users.editor);
    const refused = await call<{ error: { code: string; message: string } }>(toolRoute.PATCH, {
      method: "PATCH",
      path: `${api.base}/tools/greet`,
      body: { name: "say_hello" },
      headers,
      params,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      '"greet" was published in 1.0.0; renaming would break hosts. Create a new tool and delete this one (a breaking change the publish dialog will warn about).',
    );
    const renamed = await call(toolRoute.PATCH, {
      method: "PATCH",
      path: `${api.base}/tools/draft_only`,
      body: { name: "still_draft" },
      headers,
      params: { ...api.params, tool: "draft_only" },
    });
    expect(renamed.status).toBe(200);
    // Other edits of a published tool stay allowed.
    expect(
      (await call(toolRoute.PATCH, { method: "PATCH", path: `${api.base}/tools/greet`, body: { description: "Hi" }, headers, params }))
        .status,
    ).toBe(200);
  });
});

describe("permissions", () => {
  let api: PublishingApi;
  let tokenId: string;

  beforeAll(async () => {
    // The fixture's own project: `projectOwner` is a Viewer assigned as its owner.
    const access = await getProjectAccess({
      actor: owner,
      orgSlug: fixture.organization.slug,
      projectSlug: fixture.project.slug,
      permission: "project.edit",
    });
    await createTool({ access, input: greet });
    api = publishingApi({ orgSlug: fixture.organization.slug, projectSlug: fixture.project.slug });
    expect((await api.publish(owner, { changelog: "First" })).status).toBe(201);
    await updateTool({ access, name: "greet", input: { description: "v2" } });
    tokenId = (await api.createToken(owner)).body.id;
  });

  it.each(["editor", "viewer"] as const)("a %s may not publish, roll back or manage production tokens (403)", async (who) => {
    const user = fixture.users[who];
    const results = await Promise.all([
      api.publish(user, { changelog: "Nope" }),
      api.rollback(user, "1.0.0"),
      api.listTokens(user),
      api.createToken(user),
      api.revokeToken(user, tokenId),
    ]);
    expect(results.map((result) => result.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await db.package.count({ where: { projectId: fixture.project.id } })).toBe(1);
  });

  it.each(["editor", "viewer"] as const)("a %s may read the preview and the history", async (who) => {
    const user = fixture.users[who];
    expect((await api.preview(user)).status).toBe(200);
    expect((await api.packages(user)).status).toBe(200);
    expect((await api.package(user, "1.0.0")).status).toBe(200);
  });

  it("a project owner with the Viewer role may publish and roll back", async () => {
    const published = await api.publish(fixture.users.projectOwner, { changelog: "By the project owner" });
    expect(published.status).toBe(201);
    expect((await api.rollback(fixture.users.projectOwner, "1.0.0")).status).toBe(200);
  });

  it("another organization sees 404 on every publishing route, never 403", async () => {
    const stranger = await createTestUser();
    await createTestOrganization(stranger);
    const results = await Promise.all([
      api.preview(stranger),
      api.publish(stranger, { changelog: "x" }),
      api.rollback(stranger, "1.0.0"),
      api.packages(stranger),
      api.package(stranger, "1.0.0"),
      api.listTokens(stranger),
      api.createToken(stranger),
      api.revokeToken(stranger, tokenId),
    ]);
    expect(results.map((result) => result.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
  });
});

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS atelier_test_fail_history ON "PublishHistory"`);
});
