// Visibility, the kill switch and the project rate-limit settings (SPEC §6–§8) through the real
// routes: every role allowed or refused, the anonymous production call before and after the kill
// switch over real HTTP with the real SDK client, credential revocation, and the audit entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as killSwitchRoute from "@/app/app/v1/organizations/[org]/projects/[project]/mcp/disable-public/route";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { db } from "@/lib/db";
import type { Project } from "@/lib/hooks/api-types";
import { PROJECT_RATE_LIMITS, type ProjectRateLimitName } from "@/lib/rate-limit/limits";
import { createTool } from "@/lib/tools/tools";
import { asSession, asToken, call, createOrgWithMembers, createTestOrganization, createTestUser, type OrgFixture } from "./helpers";
import { connectClient, createProjectWithDraftToken, postJsonRpc, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { connectWithOAuth, startOAuthServer, tokenRequest } from "./oauth-helpers";
import { publishingApi } from "./publish-helpers";

type Who = keyof OrgFixture["users"];
type ErrorBody = { error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type KillSwitchBody = Project & { revoked: { productionTokens: number; oauthGrants: number } };

// What the client sent (10.0.0.1, its own choice), then what our proxy appended: the address recorded
// is the one the proxy saw (lib/rate-limit/client-ip.ts), so a caller can't pick its audit IP.
const CLIENT = { "x-forwarded-for": "10.0.0.1, 203.0.113.7", "user-agent": "GovernanceTest/1.0 (integration)" };
const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

function projectApi(fixture: OrgFixture, projectSlug = fixture.project.slug) {
  const org = fixture.organization.slug;
  const params = { org, project: projectSlug };
  const base = `/app/v1/organizations/${org}/projects/${projectSlug}`;
  return {
    get: async (who: Who) =>
      call<Project & ErrorBody>(projectRoute.GET, { path: base, params, headers: await asSession(fixture.users[who]) }),
    patch: async (who: Who, body: unknown, headers: Record<string, string> = {}) =>
      call<Project & ErrorBody>(projectRoute.PATCH, {
        method: "PATCH",
        path: base,
        params,
        body,
        headers: { ...(await asSession(fixture.users[who])), ...headers },
      }),
    killSwitch: async (who: Who, body?: unknown, headers: Record<string, string> = {}) =>
      call<KillSwitchBody & ErrorBody>(killSwitchRoute.POST, {
        method: "POST",
        path: `${base}/mcp/disable-public`,
        params,
        body,
        headers: { ...(await asSession(fixture.users[who])), ...headers },
      }),
  };
}

const visibilityOf = async (projectId: string) => (await db.project.findUniqueOrThrow({ where: { id: projectId } })).visibility;
const eventsOf = (projectId: string, action: string) =>
  db.auditEvent.findMany({ where: { targetType: "project", targetId: projectId, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

let fixture: OrgFixture;
beforeAll(async () => {
  fixture = await createOrgWithMembers();
});

describe("visibility", () => {
  it.each<[Who, number]>([
    ["owner", 200],
    ["admin", 200],
    ["projectOwner", 200],
    ["editor", 403],
    ["viewer", 403],
  ])("%s changing it through PATCH gets %i", async (who, status) => {
    const api = projectApi(fixture);
    const before = await eventsOf(fixture.project.id, "project.visibility");
    const made = await api.patch(who, { visibility: "public" });
    expect(made.status).toBe(status);
    if (status === 200) {
      expect(made.body.visibility).toBe("public");
      expect(await visibilityOf(fixture.project.id)).toBe("PUBLIC");
      expect((await api.patch(who, { visibility: "private" })).body.visibility).toBe("private");
      expect(await eventsOf(fixture.project.id, "project.visibility")).toHaveLength(before.length + 2);
    } else {
      expect(made.body).toEqual({ error: { code: "forbidden", message: expect.stringMatching(/visibility/) } });
      expect(await visibilityOf(fixture.project.id)).toBe("PRIVATE");
      expect(await eventsOf(fixture.project.id, "project.visibility")).toHaveLength(before.length);
    }
    expect(await visibilityOf(fixture.project.id)).toBe("PRIVATE");
  });

  it("is refused with a personal API token of an Editor too, and is a 404 for a member of another organization", async () => {
    const api = projectApi(fixture);
    const org = fixture.organization.slug;
    const editorToken = await call<ErrorBody>(projectRoute.PATCH, {
      method: "PATCH",
      path: `/app/v1/organizations/${org}/projects/${fixture.project.slug}`,
      params: { org, project: fixture.project.slug },
      headers: await asToken(fixture.users.editor),
      body: { visibility: "public" },
    });
    expect(editorToken.status).toBe(403);

    const outsider = await createTestUser({ name: "Outsider" });
    await createTestOrganization(outsider);
    const foreign = await call<ErrorBody>(projectRoute.PATCH, {
      method: "PATCH",
      path: `/app/v1/organizations/${org}/projects/${fixture.project.slug}`,
      params: { org, project: fixture.project.slug },
      headers: await asSession(outsider),
      body: { visibility: "public" },
    });
    expect(foreign.status).toBe(404);
    expect((await api.get("owner")).body.visibility).toBe("private");
  });

  it("records who, old → new, IP and user agent; setting the same value again records nothing", async () => {
    const api = projectApi(fixture);
    const before = (await eventsOf(fixture.project.id, "project.visibility")).length;
    expect((await api.patch("admin", { visibility: "public" }, CLIENT)).status).toBe(200);
    expect((await api.patch("admin", { visibility: "public" }, CLIENT)).status).toBe(200);
    const events = await eventsOf(fixture.project.id, "project.visibility");
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      actorUserId: fixture.users.admin.id,
      actorLabel: fixture.users.admin.email,
      targetLabel: fixture.project.slug,
      oldValue: { visibility: "private" },
      newValue: { visibility: "public" },
      ip: "203.0.113.7",
      userAgent: "GovernanceTest/1.0 (integration)",
    });
    expect((await api.patch("admin", { visibility: "private" })).status).toBe(200);
  });

  it("accepts only the API's lowercase spelling", async () => {
    const response = await projectApi(fixture).patch("owner", { visibility: "PUBLIC" });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: "validation_failed", message: 'visibility: must be "private" or "public"' });
  });

  it("is written in the same transaction as the rest of the update: a later failure leaves it unchanged and unrecorded", async () => {
    const before = (await eventsOf(fixture.project.id, "project.visibility")).length;
    const response = await projectApi(fixture).patch("owner", { visibility: "public", owners: ["not-a-member"] });
    expect(response.status).toBe(422);
    expect(await visibilityOf(fixture.project.id)).toBe("PRIVATE");
    expect(await eventsOf(fixture.project.id, "project.visibility")).toHaveLength(before);
  });
});

describe("kill switch", () => {
  it.each<[Who, number]>([
    ["owner", 200],
    ["admin", 200],
    ["projectOwner", 403],
    ["editor", 403],
    ["viewer", 403],
  ])("%s pressing it gets %i", async (who, status) => {
    const api = projectApi(fixture);
    expect((await api.patch("owner", { visibility: "public" })).status).toBe(200);
    const response = await api.killSwitch(who);
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(response.body).toMatchObject({
        slug: fixture.project.slug,
        visibility: "private",
        revoked: { productionTokens: 0, oauthGrants: 0 },
      });
      expect(await visibilityOf(fixture.project.id)).toBe("PRIVATE");
    } else {
      expect(response.body.error.code).toBe("forbidden");
      expect(await visibilityOf(fixture.project.id)).toBe("PUBLIC");
      expect((await api.patch("owner", { visibility: "private" })).status).toBe(200);
    }
  });

  it("is a 404 for a member of another organization, with a session or an API token", async () => {
    const outsider = await createTestUser({ name: "Outsider" });
    await createTestOrganization(outsider);
    const org = fixture.organization.slug;
    const target = {
      method: "POST",
      path: `/app/v1/organizations/${org}/projects/${fixture.project.slug}/mcp/disable-public`,
      params: { org, project: fixture.project.slug },
    };
    expect((await call(killSwitchRoute.POST, { ...target, headers: await asSession(outsider) })).status).toBe(404);
    expect((await call(killSwitchRoute.POST, { ...target, headers: await asToken(outsider) })).status).toBe(404);
    expect((await call(killSwitchRoute.POST, target)).status).toBe(401);
  });

  it("returns the project as GET does, is idempotent, and is recorded every time with IP and user agent", async () => {
    const api = projectApi(fixture);
    await api.patch("owner", { visibility: "public" });
    const first = await api.killSwitch("admin", undefined, CLIENT);
    const again = await api.killSwitch("owner", {}, CLIENT);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const { revoked, ...project } = again.body;
    expect(revoked).toEqual({ productionTokens: 0, oauthGrants: 0 });
    expect(project).toEqual((await api.get("owner")).body);

    const events = (await eventsOf(fixture.project.id, "project.kill_switch")).slice(-2);
    expect(events.map((event) => [event.actorUserId, event.oldValue, event.ip, event.userAgent])).toEqual([
      [fixture.users.admin.id, { visibility: "public" }, "203.0.113.7", CLIENT["user-agent"]],
      [fixture.users.owner.id, { visibility: "private" }, "203.0.113.7", CLIENT["user-agent"]],
    ]);
    expect(events[0].newValue).toEqual({
      visibility: "private",
      revokeCredentials: false,
      revoked: { productionTokens: 0, oauthGrants: 0 },
    });
  });

  it("refuses a body that is not what it expects, changing nothing", async () => {
    const api = projectApi(fixture);
    await api.patch("owner", { visibility: "public" });
    const response = await api.killSwitch("owner", { revokeCredentials: "yes" });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/^revokeCredentials: /);
    expect(await visibilityOf(fixture.project.id)).toBe("PUBLIC");
    await api.patch("owner", { visibility: "private" });
  });
});

describe("anonymous production calls and the kill switch", () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute }]);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A published project of the fixture's organization with one Data Tool. */
  async function publishedProject() {
    const orgSlug = fixture.organization.slug;
    const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    await createTool({
      access: created.access,
      input: {
        name: "echo",
        kind: "data",
        inputSchema: { type: "object", properties: { text: { type: "string" } } },
        handler: "async (props) => ({ said: props.text ?? 'hi' })",
      },
    });
    const publishing = publishingApi({ orgSlug, projectSlug: created.project.slug });
    expect((await publishing.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
    return {
      ...created,
      publishing,
      api: projectApi(fixture, created.project.slug),
      url: `${server.origin}/mcp/${orgSlug}/${created.project.slug}`,
    };
  }

  it("an anonymous SDK client calls a public project, and gets 401 from the request right after the kill switch", async () => {
    const project = await publishedProject();
    expect((await postJsonRpc(project.url, initialize)).status).toBe(401);

    expect((await project.api.patch("owner", { visibility: "public" })).status).toBe(200);
    const client = await connectClient({ url: project.url, token: null, era: "modern" });
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["echo"]);
      expect((await client.callTool({ name: "echo", arguments: { text: "hello" } })).structuredContent).toEqual({ said: "hello" });

      expect((await project.api.killSwitch("admin", undefined, CLIENT)).status).toBe(200);

      // The very next request of the same connected client: refused with HTTP 401.
      await expect(client.callTool({ name: "echo", arguments: { text: "again" } })).rejects.toMatchObject({
        status: 401,
        message: expect.stringContaining("this project is private"),
      });
    } finally {
      await client.close();
    }
    const refused = await postJsonRpc(project.url, initialize);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain(
      `resource_metadata="${server.origin}/.well-known/oauth-protected-resource/mcp/`,
    );
    await expect(connectClient({ url: project.url, token: null, era: "legacy" })).rejects.toMatchObject({ status: 401 });
  });

  it("revokeCredentials revokes every active production token and OAuth grant of the project, in the response and the audit event", async () => {
    const project = await publishedProject();
    const other = await publishedProject();
    const [first, second, alreadyRevoked, elsewhere] = await Promise.all([
      project.publishing.createToken(fixture.users.owner, "Claude Desktop"),
      project.publishing.createToken(fixture.users.owner, "CI"),
      project.publishing.createToken(fixture.users.owner, "Old"),
      other.publishing.createToken(fixture.users.owner, "Other project"),
    ]);
    expect((await project.publishing.revokeToken(fixture.users.owner, alreadyRevoked.body.id)).status).toBe(204);
    const revokedEarlier = await db.productionToken.findUniqueOrThrow({ where: { id: alreadyRevoked.body.id } });

    const client = await db.oAuthClient.create({
      data: { clientId: `client-${project.project.id}`, kind: "REGISTERED", name: "Test host", redirectUris: ["https://example.test/cb"] },
    });
    const grant = (projectId: string, environment: "PRODUCTION" | "DRAFT", revoked?: { at: Date; reason: string }) =>
      db.oAuthGrant.create({
        data: {
          organizationId: fixture.organization.id,
          projectId,
          environment,
          userId: fixture.users.viewer.id,
          clientId: client.id,
          resource: `http://example.test/${projectId}`,
          scopes: ["mcp"],
          revokedAt: revoked?.at,
          revokedReason: revoked?.reason,
        },
      });
    const earlier = { at: new Date("2026-01-01T00:00:00Z"), reason: "user" };
    const grants = await Promise.all([
      grant(project.project.id, "PRODUCTION"),
      grant(project.project.id, "DRAFT"),
      grant(project.project.id, "PRODUCTION", earlier),
      grant(other.project.id, "PRODUCTION"),
    ]);

    // A production token works before the switch.
    const tokenClient = await connectClient({ url: project.url, token: first.body.token!, era: "modern" });
    await tokenClient.close();

    const response = await project.api.killSwitch("owner", { revokeCredentials: true }, CLIENT);
    expect(response.status).toBe(200);
    expect(response.body.revoked).toEqual({ productionTokens: 2, oauthGrants: 2 });

    const tokens = await db.productionToken.findMany({
      where: { id: { in: [first.body.id, second.body.id, alreadyRevoked.body.id, elsewhere.body.id] } },
    });
    const tokenById = new Map(tokens.map((token) => [token.id, token]));
    expect(tokenById.get(first.body.id)?.revokedAt).toBeInstanceOf(Date);
    expect(tokenById.get(second.body.id)?.revokedAt).toBeInstanceOf(Date);
    expect(tokenById.get(alreadyRevoked.body.id)?.revokedAt).toEqual(revokedEarlier.revokedAt);
    expect(tokenById.get(elsewhere.body.id)?.revokedAt).toBeNull();

    const grantRows = await db.oAuthGrant.findMany({ where: { id: { in: grants.map((row) => row.id) } } });
    const grantById = new Map(grantRows.map((row) => [row.id, row]));
    expect(grantById.get(grants[0].id)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "kill_switch" });
    expect(grantById.get(grants[1].id)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "kill_switch" });
    expect(grantById.get(grants[2].id)).toMatchObject({ revokedAt: earlier.at, revokedReason: "user" });
    expect(grantById.get(grants[3].id)).toMatchObject({ revokedAt: null, revokedReason: null });
    // Each through unsafeRevokeGrant: one grant.revoke entry by the person who pulled the switch.
    const grantEvents = await db.auditEvent.findMany({ where: { action: "grant.revoke", targetId: { in: grants.map((row) => row.id) } } });
    expect(grantEvents.map((row) => row.targetId).sort()).toEqual([grants[0].id, grants[1].id].sort());
    for (const row of grantEvents) expect(row).toMatchObject({ actorUserId: fixture.users.owner.id, newValue: { reason: "kill_switch" } });

    const event = (await eventsOf(project.project.id, "project.kill_switch")).at(-1);
    expect(event).toMatchObject({
      actorUserId: fixture.users.owner.id,
      oldValue: { visibility: "private" },
      newValue: { visibility: "private", revokeCredentials: true, revoked: { productionTokens: 2, oauthGrants: 2 } },
      ip: "203.0.113.7",
      userAgent: CLIENT["user-agent"],
    });

    // The revoked token is refused on the next request; the other project's still works.
    expect((await postJsonRpc(project.url, initialize, { Authorization: `Bearer ${first.body.token}` })).status).toBe(401);
    const otherClient = await connectClient({ url: other.url, token: elsewhere.body.token!, era: "modern" });
    await otherClient.close();
  });
});

describe("kill switch and an OAuth host", () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startOAuthServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("with revokeCredentials, a connected OAuth host's next call gets 401 and its refresh token no longer works", async () => {
    const orgSlug = fixture.organization.slug;
    const { project, access } = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    await createTool({ access, input: { name: "ping", kind: "data", handler: "async () => ({ pong: true })" } });
    expect((await publishingApi({ orgSlug, projectSlug: project.slug }).publish(fixture.users.owner, { changelog: "First" })).status).toBe(
      201,
    );
    const url = `${server.origin}/mcp/${orgSlug}/${project.slug}`;
    const { client: registered, tokens } = await connectWithOAuth(server.origin, fixture.users.viewer, url);

    const host = await connectClient({ url, token: tokens.access_token, era: "modern" });
    try {
      expect((await host.callTool({ name: "ping", arguments: {} })).structuredContent).toEqual({ pong: true });
      const response = await projectApi(fixture, project.slug).killSwitch("admin", { revokeCredentials: true });
      expect(response.body.revoked).toEqual({ productionTokens: 0, oauthGrants: 1 });
      await expect(host.callTool({ name: "ping", arguments: {} })).rejects.toMatchObject({ status: 401 });
    } finally {
      await host.close();
    }
    const refreshed = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: registered.client_id,
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe("invalid_grant");
  });
});

describe("rate-limit settings", () => {
  const names = Object.keys(PROJECT_RATE_LIMITS) as ProjectRateLimitName[];

  it("a new project has the defaults of lib/rate-limit/limits.ts, and GET shows them to every member", async () => {
    const fresh = await createOrgWithMembers();
    const defaults = Object.fromEntries(names.map((name) => [name, PROJECT_RATE_LIMITS[name].default]));
    expect(fresh.project.rateLimits).toEqual(defaults);
    expect((await projectApi(fresh).get("viewer")).body.rateLimits).toEqual(defaults);
  });

  it.each(names)("%s: the maximum is accepted, one more and one below the minimum are refused with 422 naming the field", async (name) => {
    const api = projectApi(fixture);
    const { min, max } = PROJECT_RATE_LIMITS[name];
    for (const value of [max + 1, min - 1, 1.5]) {
      const refused = await api.patch("owner", { rateLimits: { [name]: value } });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("validation_failed");
      expect(refused.body.error.message).toMatch(new RegExp(`^rateLimits\\.${name}: `));
    }
    const accepted = await api.patch("owner", { rateLimits: { [name]: max } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.rateLimits[name]).toBe(max);
    expect((await db.project.findUniqueOrThrow({ where: { id: fixture.project.id } }))[name]).toBe(max);
  });

  it("refuses anonymous 601/hour and burst 61 (the spec's override ceiling), writing nothing", async () => {
    const api = projectApi(fixture);
    const before = (await api.get("owner")).body.rateLimits;
    const tooMany = await api.patch("owner", { rateLimits: { anonymousCallsPerHour: 601, anonymousBurst: 20 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toEqual({
      code: "validation_failed",
      message: "rateLimits.anonymousCallsPerHour: must be at most 600",
      details: { fields: [{ field: "rateLimits.anonymousCallsPerHour", message: "must be at most 600" }] },
    });
    expect((await api.patch("owner", { rateLimits: { anonymousBurst: 61 } })).body.error.message).toBe(
      "rateLimits.anonymousBurst: must be at most 60",
    );
    expect((await api.patch("owner", { rateLimits: { anonymousPerHour: 10 } })).status).toBe(422);
    expect((await api.get("owner")).body.rateLimits).toEqual(before);
  });

  it("a partial update changes only the fields sent, audited old → new, with IP and user agent", async () => {
    const api = projectApi(fixture);
    await api.patch("owner", { rateLimits: { anonymousCallsPerHour: 60, anonymousBurst: 10 } });
    const before = (await api.get("owner")).body.rateLimits;
    const response = await api.patch("projectOwner", { rateLimits: { anonymousCallsPerHour: 600, anonymousBurst: 10 } }, CLIENT);
    expect(response.status).toBe(200);
    expect(response.body.rateLimits).toEqual({ ...before, anonymousCallsPerHour: 600 });
    const event = (await eventsOf(fixture.project.id, "project.rate_limits")).at(-1);
    expect(event).toMatchObject({
      actorUserId: fixture.users.projectOwner.id,
      oldValue: { anonymousCallsPerHour: 60 },
      newValue: { anonymousCallsPerHour: 600 },
      ip: "203.0.113.7",
      userAgent: CLIENT["user-agent"],
    });
  });

  it.each<[Who, number]>([
    ["owner", 200],
    ["admin", 200],
    ["projectOwner", 200],
    ["editor", 403],
    ["viewer", 403],
  ])("%s changing them gets %i", async (who, status) => {
    const response = await projectApi(fixture).patch(who, { rateLimits: { dataToolCallsPerMinute: 120 } });
    expect(response.status).toBe(status);
  });
});
