// Discard changes through the real route handlers: the draft's tools and components go back to the
// production package (all, or one), live data on kept rows survives, the audit log records it,
// and roles and organizations are enforced.
import { beforeEach, describe, expect, it } from "vitest";
import * as changesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft/changes/route";
import * as discardRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft/discard/route";
import { getProjectAccess } from "@/lib/access";
import { createComponent, updateComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { createProject } from "@/lib/projects/projects";
import { createPrompt, updatePrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { getOrganizationAccess } from "@/lib/access";
import { setSecret } from "@/lib/tools/secrets";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, createTestUser, uniqueSlug, type OrgFixture } from "./helpers";
import { publishingApi } from "./publish-helpers";

type NameChanges = Record<string, string[]>;
type Changes = {
  productionVersion: string | null;
  tools: NameChanges;
  components: NameChanges;
  prompts: NameChanges;
  resources: NameChanges;
};

let fixture: OrgFixture;
let projectSlug: string;

const params = () => ({ org: fixture.organization.slug, project: projectSlug });
const base = () => `/app/v1/organizations/${fixture.organization.slug}/projects/${projectSlug}/draft`;

async function access() {
  return getProjectAccess({ actor: fixture.users.owner, orgSlug: fixture.organization.slug, projectSlug, permission: "project.edit" });
}

async function discard(user = fixture.users.editor, body: unknown = {}) {
  return call<{ discarded: Changes; error?: { code: string; message: string } }>(discardRoute.POST, {
    method: "POST",
    path: `${base()}/discard`,
    headers: await asSession(user),
    params: params(),
    body,
  });
}

async function changes(user = fixture.users.editor) {
  return call<Changes>(changesRoute.GET, { path: `${base()}/changes`, headers: await asSession(user), params: params() });
}

const handlerOf = async (name: string) =>
  (await db.tool.findFirst({ where: { project: { slug: projectSlug }, name }, select: { handler: true } }))?.handler ?? null;

beforeEach(async () => {
  fixture ??= await createOrgWithMembers();
  const orgAccess = await getOrganizationAccess({
    actor: fixture.users.owner,
    orgSlug: fixture.organization.slug,
    permission: "organization.createProject",
  });
  projectSlug = (
    await createProject({ access: orgAccess, actor: fixture.users.owner, input: { slug: uniqueSlug("discard"), name: "Discard" } })
  ).slug;
  const project = await access();
  await createComponent({ access: project, input: { name: "card", html: "<p>v1</p>" } });
  await createTool({ access: project, input: { name: "keep", kind: "data", handler: "async () => ({ v: 1 })" } });
  await createTool({ access: project, input: { name: "gone", kind: "data", handler: "async () => ({ gone: true })" } });
  await createTool({ access: project, input: { name: "show", kind: "ui", component: "card" } });
  await createPrompt({
    access: project,
    input: { name: "plan", messages: [{ role: "user", content: { type: "text", text: "Plan v1" } }] },
  });
  await createResource({ access: project, input: { name: "readme", uri: "notes://readme", text: "v1" } });
  const published = await publishingApi({ orgSlug: fixture.organization.slug, projectSlug }).publish(fixture.users.owner, {
    changelog: "v1",
  });
  expect(published.status).toBe(201);
});

describe("discard draft changes", () => {
  it("lists what differs from production, then puts everything back and records it", async () => {
    const project = await access();
    await setSecret({ access: project, actor: fixture.users.owner, toolName: "keep", key: "API_KEY", value: "s3cret" });
    await updateTool({ access: project, name: "keep", input: { handler: "async () => ({ v: 2 })", allowedDomains: ["api.example.com"] } });
    await deleteTool({ access: project, name: "gone" });
    await createTool({ access: project, input: { name: "extra", kind: "data" } });
    await updateComponent({ access: project, name: "card", input: { html: "<p>v2</p>" } });
    await updatePrompt({
      access: project,
      name: "plan",
      input: { messages: [{ role: "user", content: { type: "text", text: "Plan v2" } }] },
    });
    await createResource({ access: project, input: { name: "extra_notes", uri: "notes://extra", text: "new" } });

    const listed = await changes();
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      productionVersion: "1.0.0",
      tools: { added: ["extra"], modified: ["keep"], removed: ["gone"] },
      components: { added: [], modified: ["card"], removed: [] },
      prompts: { added: [], modified: ["plan"], removed: [] },
      resources: { added: ["extra_notes"], modified: [], removed: [] },
    });

    const response = await discard();
    expect(response.status).toBe(200);
    expect(response.body.discarded.tools).toEqual({ added: ["extra"], modified: ["keep"], removed: ["gone"] });
    expect(await handlerOf("keep")).toBe("async () => ({ v: 1 })");
    expect(await handlerOf("gone")).toBe("async () => ({ gone: true })");
    expect(await handlerOf("extra")).toBeNull();
    const card = await db.component.findFirstOrThrow({ where: { project: { slug: projectSlug }, name: "card" } });
    expect(card.html).toBe("<p>v1</p>");
    const plan = await db.prompt.findFirstOrThrow({ where: { project: { slug: projectSlug }, name: "plan" } });
    expect(JSON.stringify(plan.messages)).toContain("Plan v1");
    expect(await db.mcpResource.count({ where: { project: { slug: projectSlug } } })).toBe(1);
    // Live data on a kept row stays: secrets and allowed domains are not in packages.
    const keep = await db.tool.findFirstOrThrow({ where: { project: { slug: projectSlug }, name: "keep" }, include: { secrets: true } });
    expect(keep.secrets.map((secret) => secret.key)).toEqual(["API_KEY"]);
    expect(keep.allowedDomains).toEqual(["api.example.com"]);

    expect((await changes()).body.tools).toEqual({ added: [], modified: [], removed: [] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: fixture.organization.id, action: "draft.discard" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorUserId: fixture.users.editor.id, targetType: "project", targetLabel: projectSlug });
    expect(audit.oldValue).toMatchObject({ tools: { added: ["extra"], modified: ["keep"], removed: ["gone"] } });
  });

  it("discards one tool and leaves the rest of the draft alone", async () => {
    const project = await access();
    await updateTool({ access: project, name: "keep", input: { handler: "async () => ({ v: 2 })" } });
    await updateTool({ access: project, name: "gone", input: { handler: "async () => ({ changed: true })" } });

    const response = await discard(fixture.users.editor, { tool: "keep" });
    expect(response.status).toBe(200);
    expect(response.body.discarded.tools).toEqual({ added: [], modified: ["keep"], removed: [] });
    expect(await handlerOf("keep")).toBe("async () => ({ v: 1 })");
    expect(await handlerOf("gone")).toBe("async () => ({ changed: true })");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: fixture.organization.id, action: "draft.discard" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ targetType: "tool", targetLabel: `${projectSlug}/keep` });
  });

  it("refuses a single discard that would leave a tool without its component", async () => {
    const project = await access();
    await createComponent({ access: project, input: { name: "panel", html: "<p>new</p>" } });
    await updateTool({ access: project, name: "show", input: { component: "panel" } });
    const response = await discard(fixture.users.editor, { component: "panel" });
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toContain("Tool show would use component panel");
    expect(await db.component.count({ where: { project: { slug: projectSlug }, name: "panel" } })).toBe(1);
  });

  it("answers 409 before any publish, 404 for an unknown tool, 403 to Viewers and 404 across organizations", async () => {
    const project = await access();
    await updateTool({ access: project, name: "keep", input: { handler: "async () => ({ v: 3 })" } });
    expect((await discard(fixture.users.editor, { tool: "nope" })).status).toBe(404);
    expect((await discard(fixture.users.viewer)).status).toBe(403);
    expect((await discard(await createTestUser({ name: "Outsider" }))).status).toBe(404);
    expect(await handlerOf("keep")).toBe("async () => ({ v: 3 })");

    const orgAccess = await getOrganizationAccess({
      actor: fixture.users.owner,
      orgSlug: fixture.organization.slug,
      permission: "organization.createProject",
    });
    projectSlug = (
      await createProject({ access: orgAccess, actor: fixture.users.owner, input: { slug: uniqueSlug("fresh"), name: "Fresh" } })
    ).slug;
    const unpublished = await discard();
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.error?.message).toContain("never been published");
  });
});
