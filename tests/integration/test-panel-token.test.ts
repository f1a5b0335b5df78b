// The studio test panel's credential for the draft endpoint, over real HTTP with the real SDK v2
// client: minted per member by the studio route, bound to one project's draft URL, recorded as
// that member, refused the moment the member's role or membership says so, and independent of
// the project's shared draft token (which keeps working for hosts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as testPanelTokenRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-panel-token/route";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { removeMember, updateMemberRole } from "@/lib/members/members";
import { hashToken } from "@/lib/tokens/secret-token";
import { createTool } from "@/lib/tools/tools";
import { addMember, createOrgWithMembers, createTestUser, sessionCookie, type OrgFixture, type TestUser } from "./helpers";
import { connectClient, createProjectWithDraftToken, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;
let project: { slug: string; id: string; draftToken: string };
let otherProjectSlug: string;

async function projectWithEcho() {
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  await createTool({
    access: created.access,
    input: {
      name: "echo",
      kind: "data",
      inputSchema: { type: "object", properties: { text: { type: "string" } } },
      handler: "async (props) => ({ echoed: props.text ?? null })",
    },
  });
  return { slug: created.project.slug, id: created.project.id, draftToken: created.token };
}

const draftUrl = (slug: string) => `${server.origin}/mcp/${fixture.organization.slug}/${slug}/draft`;

async function mint(user: TestUser, slug = project.slug, orgSlug = fixture.organization.slug) {
  const response = await fetch(`${server.origin}/app/v1/organizations/${orgSlug}/projects/${slug}/test-panel-token`, {
    method: "POST",
    headers: { cookie: await sessionCookie(user), origin: server.origin },
  });
  return { status: response.status, body: (await response.json()) as { token: string; resource: string; expiresAt: string } };
}

async function echoAs(token: string, slug = project.slug) {
  const client = await connectClient({ url: draftUrl(slug), token, era: "modern" });
  try {
    return await client.callTool({ name: "echo", arguments: { text: "hi" } });
  } finally {
    await client.close();
  }
}

async function statusOf(token: string, slug = project.slug) {
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };
  return (await postJsonRpc(draftUrl(slug), initialize, { Authorization: `Bearer ${token}` })).status;
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/test-panel-token$/, module: testPanelTokenRoute },
  ]);
  project = await projectWithEcho();
  otherProjectSlug = (await projectWithEcho()).slug;
});

afterAll(async () => {
  await server?.close();
});

describe("test panel credential", () => {
  it("lets an Editor call the draft as themselves, stored hashed, without touching the shared draft token", async () => {
    const before = await db.project.findUniqueOrThrow({ where: { id: project.id }, omit: { draftTokenHash: false } });
    const minted = await mint(fixture.users.editor);
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^atl_tpt_/);
    expect(minted.body.resource).toBe(draftUrl(project.slug));
    expect(new Date(minted.body.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const row = await db.testPanelToken.findFirstOrThrow({ where: { userId: fixture.users.editor.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashToken(minted.body.token));

    const result = await echoAs(minted.body.token);
    expect(result.structuredContent).toEqual({ echoed: "hi" });

    // A second tab mints its own; both work, and so does the host's shared draft token.
    const second = await mint(fixture.users.editor);
    expect(second.body.token).not.toBe(minted.body.token);
    expect((await echoAs(second.body.token)).structuredContent).toEqual({ echoed: "hi" });
    expect((await echoAs(minted.body.token)).structuredContent).toEqual({ echoed: "hi" });
    expect((await echoAs(project.draftToken)).structuredContent).toEqual({ echoed: "hi" });
    const after = await db.project.findUniqueOrThrow({ where: { id: project.id }, omit: { draftTokenHash: false } });
    expect(after.draftTokenHash).toBe(before.draftTokenHash);
    expect(after.draftTokenRotatedAt).toEqual(before.draftTokenRotatedAt);
  });

  it("records the calls as that member with the test panel's name", async () => {
    const minted = await mint(fixture.users.admin);
    await echoAs(minted.body.token);
    await flushExecutions();
    const execution = await db.execution.findFirstOrThrow({
      where: { projectId: project.id, callerId: fixture.users.admin.id },
      orderBy: { createdAt: "desc" },
    });
    expect(execution).toMatchObject({
      callerKind: "test_panel",
      callerLabel: `Atelier test panel for ${fixture.users.admin.email}`,
      environment: "DRAFT",
      status: "SUCCESS",
    });
  });

  it("is refused to Viewers (403) and to non-members (404)", async () => {
    expect((await mint(fixture.users.viewer)).status).toBe(403);
    const stranger = await createTestUser({ name: "Stranger" });
    expect((await mint(stranger)).status).toBe(404);
  });

  it("opens only the draft of the project it was minted for", async () => {
    const minted = await mint(fixture.users.editor);
    expect(await statusOf(minted.body.token)).toBe(200);
    expect(await statusOf(minted.body.token, otherProjectSlug)).toBe(401);
  });

  it("stops working on the next request once the member loses the role, leaves, or it expires", async () => {
    const member = await createTestUser({ name: "Leaving Editor" });
    const orgSlug = fixture.organization.slug;
    await addMember({ orgSlug, inviter: fixture.users.owner, user: member, role: "EDITOR" });
    const access = await getOrganizationAccess({ actor: fixture.users.owner, orgSlug, permission: "organization.members" });

    const minted = await mint(member);
    expect(await statusOf(minted.body.token)).toBe(200);
    await updateMemberRole({ access, actor: fixture.users.owner, userId: member.id, role: "VIEWER" });
    expect(await statusOf(minted.body.token)).toBe(401);
    await updateMemberRole({ access, actor: fixture.users.owner, userId: member.id, role: "EDITOR" });
    expect(await statusOf(minted.body.token)).toBe(200);
    await removeMember({ access, actor: fixture.users.owner, userId: member.id });
    expect(await statusOf(minted.body.token)).toBe(401);

    const expiring = await mint(fixture.users.editor);
    expect(await statusOf(expiring.body.token)).toBe(200);
    await db.testPanelToken.updateMany({
      where: { tokenHash: hashToken(expiring.body.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await statusOf(expiring.body.token)).toBe(401);
  });
});
