// The credential cache (lib/mcp/credential-cache.ts) never serves a stale decision. On PGlite the
// cache is on: each test warms it with a request that succeeds, changes the answer through the real
// API or domain function, and expects the very next request to see the change. On PostgreSQL the
// cache is off and the same tests hold with one query per request.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { flushExecutions } from "@/lib/executions/recorder";
import { applyRetention } from "@/lib/jobs/retention";
import { credentialGeneration, enableCredentialCache, invalidateCredentials } from "@/lib/mcp/credential-cache";
import { removeMember, updateMemberRole } from "@/lib/members/members";
import { unsafeRevokeGrant } from "@/lib/oauth/revoke-grant";
import { rotateDraftToken } from "@/lib/projects/draft-token";
import { disablePublicAccess } from "@/lib/projects/kill-switch";
import { deleteProject, updateProject } from "@/lib/projects/projects";
import { issueTestPanelToken, TEST_PANEL_TOKEN_TTL_MS } from "@/lib/test-panel-credentials/test-panel-tokens";
import { hashToken } from "@/lib/tokens/secret-token";
import { createTool } from "@/lib/tools/tools";
import { addMember, createOrgWithMembers, createTestUser, type OrgFixture, type TestUser } from "./helpers";
import { createProjectWithDraftToken, parseJsonRpc, postJsonRpc, type TestHttpServer } from "./mcp-helpers";
import { connectWithOAuth, startOAuthServer } from "./oauth-helpers";
import { publishingApi } from "./publish-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};
const toolsList = { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} };

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
// Which database this run uses (the same variable global-setup.ts reads; PGlite when unset).
const onPostgres = process.env.ATELIER_TEST_DB === "postgres";

async function status(url: string, token: string | null) {
  return (await postJsonRpc(url, initialize, token ? bearer(token) : {})).status;
}

/** The HTTP status of a 2025-era stateless tools/call of the project's tool "first". */
async function callStatus(url: string, token: string) {
  const call = { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "first", arguments: {} } };
  return (await postJsonRpc(url, call, { ...bearer(token), "mcp-protocol-version": "2025-11-25" })).status;
}

/** Tool names a 2025-era stateless tools/list returns (the session id is not required by the server). */
async function toolNames(url: string, token: string) {
  const response = await postJsonRpc(url, toolsList, { ...bearer(token), "mcp-protocol-version": "2025-11-25" });
  expect(response.status).toBe(200);
  const tools = (parseJsonRpc(response.text).result?.tools ?? []) as Array<{ name: string }>;
  return tools.map((tool) => tool.name);
}

async function addTool(access: Awaited<ReturnType<typeof createProjectWithDraftToken>>["access"], name: string) {
  await createTool({
    access,
    input: { name, kind: "data", inputSchema: { type: "object", properties: {} }, handler: "async () => ({ ok: true })" },
  });
}

/** A published project: its production and draft URLs, draft token, access and publishing API. */
async function project() {
  const orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  await addTool(created.access, "first");
  const api = publishingApi({ orgSlug, projectSlug: created.project.slug });
  expect((await api.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
  const url = `${server.origin}/mcp/${orgSlug}/${created.project.slug}`;
  return { ...created, api, url, draftUrl: `${url}/draft` };
}

async function projectAccess(slug: string, user: TestUser = fixture.users.owner) {
  return getProjectAccess({ actor: user, orgSlug: fixture.organization.slug, projectSlug: slug, permission: "project.view" });
}

async function organizationAccess() {
  return getOrganizationAccess({ actor: fixture.users.owner, orgSlug: fixture.organization.slug, permission: "organization.members" });
}

/** A fresh Editor of the fixture's organization (removed or demoted by a test without affecting others). */
async function newEditor() {
  const user = await createTestUser();
  await addMember({ orgSlug: fixture.organization.slug, inviter: fixture.users.owner, user, role: "EDITOR" });
  return user;
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("credential cache: draft token", () => {
  it("refuses the old token on the next request after a rotation", async () => {
    const p = await project();
    expect(await status(p.draftUrl, p.token)).toBe(200);
    expect(await status(p.draftUrl, p.token)).toBe(200);
    const rotated = await rotateDraftToken({ access: p.access, actor: fixture.users.owner });
    expect(await status(p.draftUrl, p.token)).toBe(401);
    expect(await status(p.draftUrl, rotated.token)).toBe(200);
  });

  it("serves a draft save on the next request", async () => {
    const p = await project();
    expect(await toolNames(p.draftUrl, p.token)).toEqual(["first"]);
    await addTool(p.access, "second");
    expect(await toolNames(p.draftUrl, p.token)).toEqual(["first", "second"]);
  });

  it("stops answering on the next request after the project is deleted", async () => {
    const p = await project();
    const access = await projectAccess(p.project.slug);
    await updateProject({ access, actor: fixture.users.owner, input: { visibility: "public" } });
    expect(await status(p.draftUrl, p.token)).toBe(200);
    expect(await status(p.url, null)).toBe(200);
    await deleteProject({ access, actor: fixture.users.owner });
    expect(await status(p.draftUrl, p.token)).toBe(401);
    expect(await status(p.url, null)).toBe(404);
  });
});

describe("credential cache: production", () => {
  it("refuses a revoked production token on the next request", async () => {
    const p = await project();
    const created = await p.api.createToken(fixture.users.admin, "Revoke me");
    expect(await status(p.url, created.body.token!)).toBe(200);
    expect(await status(p.url, created.body.token!)).toBe(200);
    expect((await p.api.revokeToken(fixture.users.admin, created.body.id)).status).toBe(204);
    expect(await status(p.url, created.body.token!)).toBe(401);
  });

  it("takes a visibility flip into account on the next request, both ways", async () => {
    const p = await project();
    expect(await status(p.url, null)).toBe(401);
    const access = await projectAccess(p.project.slug);
    await updateProject({ access, actor: fixture.users.owner, input: { visibility: "public" } });
    expect(await status(p.url, null)).toBe(200);
    expect(await status(p.url, null)).toBe(200);
    await updateProject({ access, actor: fixture.users.owner, input: { visibility: "private" } });
    expect(await status(p.url, null)).toBe(401);
  });

  it("applies the kill switch (private, credentials revoked) on the next request", async () => {
    const p = await project();
    const access = await projectAccess(p.project.slug);
    await updateProject({ access, actor: fixture.users.owner, input: { visibility: "public" } });
    const token = (await p.api.createToken(fixture.users.admin, "Incident")).body.token!;
    const oauth = (await connectWithOAuth(server.origin, fixture.users.editor, p.url)).tokens.access_token;
    expect(await status(p.url, null)).toBe(200);
    expect(await status(p.url, token)).toBe(200);
    expect(await status(p.url, oauth)).toBe(200);
    await disablePublicAccess({ access, actor: fixture.users.owner, input: { revokeCredentials: true } });
    expect(await status(p.url, null)).toBe(401);
    expect(await status(p.url, token)).toBe(401);
    expect(await status(p.url, oauth)).toBe(401);
  });

  it("serves a publish and a rollback on the next request", async () => {
    const p = await project();
    const token = (await p.api.createToken(fixture.users.admin, "Pointer")).body.token!;
    expect(await toolNames(p.url, token)).toEqual(["first"]);
    await addTool(p.access, "second");
    const second = await p.api.publish(fixture.users.owner, { changelog: "Second" });
    expect(second.status).toBe(201);
    expect(await toolNames(p.url, token)).toEqual(["first", "second"]);
    const first = (await p.api.packages(fixture.users.owner)).body.data.find((item) => item.version !== second.body.version)!;
    expect((await p.api.rollback(fixture.users.owner, first.version)).status).toBe(200);
    expect(await toolNames(p.url, token)).toEqual(["first"]);
  });

  it("reads new rate limits on the next request", async () => {
    const p = await project();
    const token = (await p.api.createToken(fixture.users.admin, "Limited")).body.token!;
    expect(await callStatus(p.url, token)).toBe(200);
    expect(await callStatus(p.url, token)).toBe(200);
    const access = await projectAccess(p.project.slug);
    await updateProject({ access, actor: fixture.users.owner, input: { rateLimits: { credentialCallsPerMinute: 1 } } });
    // Two calls were made this minute: the next one is over the new limit of one.
    expect(await callStatus(p.url, token)).toBe(429);
  });
});

describe("credential cache: writes that change no decision", () => {
  it("keeps its entries across execution records, lastUsedAt bookkeeping and the retention job", async () => {
    const p = await project();
    const token = (await p.api.createToken(fixture.users.admin, "Busy")).body.token!;
    const oauth = (await connectWithOAuth(server.origin, fixture.users.editor, p.url)).tokens.access_token;
    await flushExecutions();
    const before = credentialGeneration();
    for (const credential of [token, oauth, token, oauth]) expect(await callStatus(p.url, credential)).toBe(200);
    await flushExecutions();
    await applyRetention({ policy: { executionDays: 30, auditDays: 365 } });
    expect(credentialGeneration()).toBe(before);
  });
});

describe("credential cache: OAuth access tokens", () => {
  it("refuses a token on the next request after its grant is revoked", async () => {
    const p = await project();
    const editor = await newEditor();
    const { access_token } = (await connectWithOAuth(server.origin, editor, p.draftUrl)).tokens;
    expect(await status(p.draftUrl, access_token)).toBe(200);
    expect(await status(p.draftUrl, access_token)).toBe(200);
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { accessTokens: { some: { tokenHash: hashToken(access_token) } } } });
    await unsafeRevokeGrant({ grantId: grant.id, reason: "revoked_by_user", actor: editor });
    expect(await status(p.draftUrl, access_token)).toBe(401);
  });

  it("refuses a removed member's token on the next request", async () => {
    const p = await project();
    const editor = await newEditor();
    const { access_token } = (await connectWithOAuth(server.origin, editor, p.url)).tokens;
    expect(await status(p.url, access_token)).toBe(200);
    expect(await status(p.url, access_token)).toBe(200);
    await removeMember({ access: await organizationAccess(), actor: fixture.users.owner, userId: editor.id });
    expect(await status(p.url, access_token)).toBe(401);
  });

  it("refuses a draft token of a member demoted to Viewer on the next request", async () => {
    const p = await project();
    const editor = await newEditor();
    const { access_token } = (await connectWithOAuth(server.origin, editor, p.draftUrl)).tokens;
    expect(await status(p.draftUrl, access_token)).toBe(200);
    await updateMemberRole({ access: await organizationAccess(), actor: fixture.users.owner, userId: editor.id, role: "VIEWER" });
    expect(await status(p.draftUrl, access_token)).toBe(401);
  });

  it("refuses an expired token without any write", async () => {
    const p = await project();
    const { access_token, expires_in } = (await connectWithOAuth(server.origin, fixture.users.editor, p.url)).tokens;
    expect(await status(p.url, access_token)).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + (expires_in + 1) * 1000 });
    expect(await status(p.url, access_token)).toBe(401);
  });
});

describe("credential cache: test panel credentials", () => {
  async function mint(p: Awaited<ReturnType<typeof project>>, user: TestUser) {
    const access = await projectAccess(p.project.slug, user);
    return (await issueTestPanelToken({ access, actor: user, resource: p.draftUrl })).token;
  }

  it("refuses the credential on the next request once its member may no longer use drafts", async () => {
    const p = await project();
    const editor = await newEditor();
    const token = await mint(p, editor);
    expect(await status(p.draftUrl, token)).toBe(200);
    expect(await status(p.draftUrl, token)).toBe(200);
    await updateMemberRole({ access: await organizationAccess(), actor: fixture.users.owner, userId: editor.id, role: "VIEWER" });
    expect(await status(p.draftUrl, token)).toBe(401);
  });

  it("refuses the credential on the next request once its member is removed", async () => {
    const p = await project();
    const editor = await newEditor();
    const token = await mint(p, editor);
    expect(await status(p.draftUrl, token)).toBe(200);
    await removeMember({ access: await organizationAccess(), actor: fixture.users.owner, userId: editor.id });
    expect(await status(p.draftUrl, token)).toBe(401);
  });

  it("refuses an expired credential without any write", async () => {
    const p = await project();
    const token = await mint(p, fixture.users.editor);
    expect(await status(p.draftUrl, token)).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TEST_PANEL_TOKEN_TTL_MS + 1000 });
    expect(await status(p.draftUrl, token)).toBe(401);
  });
});

describe("credential cache: writes in flight and transactions (lib/db.ts)", () => {
  /**
   * Runs `body` with the cache on. On PostgreSQL it is off (other instances may write), but this
   * process makes every write here, so the cache's premise holds, and a read there runs while
   * another connection's transaction is open: the case the transaction's bump after commit is for.
   * On PGlite a transaction holds the one connection, so a concurrent read waits for its end.
   */
  async function withCacheOn(body: () => Promise<void>) {
    const state = (globalThis as { __atelierCredentialCache?: { enabled: boolean } }).__atelierCredentialCache;
    const was = state?.enabled ?? false;
    enableCredentialCache();
    try {
      await body();
    } finally {
      if (state) state.enabled = was;
      invalidateCredentials();
    }
  }

  function gate() {
    let open = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { open, opened };
  }

  /** A public published project, its anonymous decision cached. */
  async function publicProject() {
    const p = await project();
    await updateProject({ access: await projectAccess(p.project.slug), actor: fixture.users.owner, input: { visibility: "public" } });
    expect(await status(p.url, null)).toBe(200);
    expect(await status(p.url, null)).toBe(200);
    return p;
  }

  // PostgreSQL only: PGlite has one connection, so there the read waits for the transaction anyway
  // (and so reads the row as committed); the decision cannot go stale there.
  it.runIf(onPostgres)("a decision read while a transaction flips it is not served after the commit", async () => {
    await withCacheOn(async () => {
      const p = await publicProject();
      const written = gate();
      const release = gate();
      const transaction = db.$transaction(async (tx) => {
        await tx.project.update({ where: { id: p.project.id }, data: { visibility: "PRIVATE" } });
        written.open();
        await release.opened;
      });
      await written.opened;
      // The anonymous decision, taken while the transaction is open (after its write returned).
      const during = status(p.url, null);
      // PostgreSQL reads the committed row meanwhile (still public) and caches that decision.
      expect(await during).toBe(200);
      release.open();
      await transaction;
      await during;
      expect(await status(p.url, null)).toBe(401);
    });
  });

  it("a write outdates cached decisions as soon as it is issued, before it returns", async () => {
    await withCacheOn(async () => {
      const p = await publicProject();
      const written = gate();
      const release = gate();
      // Holds the project's row (PostgreSQL) or the one connection (PGlite): the write below waits.
      const transaction = db.$transaction(async (tx) => {
        await tx.project.update({ where: { id: p.project.id }, data: { name: "Held" } });
        written.open();
        await release.opened;
      });
      await written.opened;
      const before = credentialGeneration();
      let returned = false;
      const write = db.project.update({ where: { id: p.project.id }, data: { visibility: "PRIVATE" } }).then(() => {
        returned = true;
      });
      await expect.poll(() => credentialGeneration()).toBeGreaterThan(before);
      expect(returned).toBe(false);
      release.open();
      await transaction;
      await write;
      expect(await status(p.url, null)).toBe(401);
    });
  });
});
