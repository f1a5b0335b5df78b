// Authorized apps: GET/DELETE /app/v1/organizations/{org}/grants through the real route handlers,
// with grants made by the real OAuth flow (registration, consent, code exchange) over HTTP.
// Who sees which grants (own vs all), who may revoke which (else 404), cross-organization 404s
// with a cookie and with an API token, the audit event, and that a revoked grant's access token
// is refused by the MCP endpoint on the very next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as grantRoute from "@/app/app/v1/organizations/[org]/grants/[id]/route";
import * as grantsRoute from "@/app/app/v1/organizations/[org]/grants/route";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import type { Grant } from "@/lib/hooks/api-types";
import { removeMember, updateMemberRole } from "@/lib/members/members";
import { createProject } from "@/lib/projects/projects";
import {
  addMember,
  asSession,
  asToken,
  call,
  createOrgWithMembers,
  createTestOrganization,
  createTestUser,
  uniqueSlug,
  type OrgFixture,
  type TestUser,
} from "./helpers";
import { connectClient, parseJsonRpc, postJsonRpc, type TestHttpServer } from "./mcp-helpers";
import { authorizeAndApprove, CALLBACK, pkcePair, registerClient, startOAuthServer, tokenRequest } from "./oauth-helpers";

type GrantPage = { data: Grant[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string } };
type Headers = Record<string, string>;

let fixture: OrgFixture;
let server: TestHttpServer;
const orgSlug = () => fixture.organization.slug;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
});

afterAll(async () => {
  await server?.close();
});

/**
 * A host connected the real way: Dynamic Client Registration, the user's consent, the code
 * exchanged for tokens. Returns the grant that created and the host's access token.
 */
async function connectHost(options: {
  user: TestUser;
  environment?: "draft" | "production";
  clientName?: string;
  project?: { orgSlug: string; projectSlug: string };
}) {
  const { orgSlug: org, projectSlug } = options.project ?? { orgSlug: orgSlug(), projectSlug: fixture.project.slug };
  const resource = `${server.origin}/mcp/${org}/${projectSlug}${options.environment === "draft" ? "/draft" : ""}`;
  const registered = await registerClient(server.origin, { client_name: options.clientName ?? "Claude" });
  expect(registered.status).toBe(201);
  const pkce = pkcePair();
  const clientId = registered.body.client_id;
  const redirect = await authorizeAndApprove(server.origin, options.user, { clientId, resource, pkce });
  const code = redirect.searchParams.get("code");
  expect(code).toBeTruthy();
  const tokens = await tokenRequest(server.origin, {
    grant_type: "authorization_code",
    client_id: clientId,
    code: code!,
    redirect_uri: CALLBACK,
    code_verifier: pkce.verifier,
  });
  expect(tokens.status).toBe(200);
  const grant = await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId } } });
  return { grant, resource, accessToken: tokens.body.access_token };
}

async function listGrants(headers: Headers, options: { org?: string; query?: string } = {}) {
  const org = options.org ?? orgSlug();
  return call<GrantPage & ErrorBody>(grantsRoute.GET, {
    path: `/app/v1/organizations/${org}/grants${options.query ?? ""}`,
    params: { org },
    headers,
  });
}

async function revoke(headers: Headers, id: string, options: { org?: string } = {}) {
  const org = options.org ?? orgSlug();
  return call<ErrorBody | null>(grantRoute.DELETE, {
    method: "DELETE",
    path: `/app/v1/organizations/${org}/grants/${id}`,
    params: { org, id },
    headers,
  });
}

const idsOf = (page: GrantPage) => page.data.map((grant) => grant.id);

/** A new organization of `owner` with one project. */
async function createOrganizationWithProject(owner: TestUser) {
  const organization = await createTestOrganization(owner);
  const access = await getOrganizationAccess({ actor: owner, orgSlug: organization.slug, permission: "organization.createProject" });
  const project = await createProject({ access, actor: owner, input: { slug: uniqueSlug("proj"), name: "Other Project" } });
  return { organization, project };
}

describe("listing authorized apps", () => {
  it("shows each member their own grants, and Owners and Admins every grant", async () => {
    const { owner, admin, editor, viewer } = fixture.users;
    const { grant: editorGrant } = await connectHost({ user: editor, environment: "draft", clientName: "Claude" });
    const { grant: viewerGrant } = await connectHost({ user: viewer, clientName: "ChatGPT" });
    const { grant: adminGrant } = await connectHost({ user: admin, clientName: "MCP Inspector" });
    const all = [editorGrant.id, viewerGrant.id, adminGrant.id];

    for (const user of [owner, admin]) {
      const response = await listGrants(await asSession(user));
      expect(response.status).toBe(200);
      expect(idsOf(response.body)).toEqual(expect.arrayContaining(all));
    }
    const asEditor = await listGrants(await asSession(editor));
    expect(asEditor.status).toBe(200);
    expect(idsOf(asEditor.body)).toEqual([editorGrant.id]);
    const asViewer = await listGrants(await asToken(viewer));
    expect(idsOf(asViewer.body)).toEqual([viewerGrant.id]);
  });

  it("describes the client, user, project, endpoint, scopes and times", async () => {
    const { editor } = fixture.users;
    const { grant, resource } = await connectHost({ user: editor, environment: "draft", clientName: "Claude Desktop" });
    const response = await listGrants(await asSession(editor));
    expect(response.body.data.find((item) => item.id === grant.id)).toEqual({
      id: grant.id,
      client: { clientId: expect.any(String), name: "Claude Desktop", kind: "REGISTERED", redirectHosts: [new URL(CALLBACK).host] },
      user: { id: editor.id, name: editor.name, email: editor.email, isMember: true, access: "allowed" },
      project: { slug: fixture.project.slug, name: fixture.project.name },
      endpoint: { environment: "draft", url: resource },
      scopes: ["mcp"],
      createdAt: grant.createdAt.toISOString(),
      lastUsedAt: null,
    });
  });

  it("lists active grants only, newest first, a page at a time", async () => {
    const user = await createTestUser();
    const { organization, project } = await createOrganizationWithProject(user);
    const grants: Awaited<ReturnType<typeof connectHost>>["grant"][] = [];
    for (let index = 0; index < 5; index++)
      grants.push((await connectHost({ user, project: { orgSlug: organization.slug, projectSlug: project.slug } })).grant);
    const headers = await asSession(user);
    expect((await revoke(headers, grants[2].id, { org: organization.slug })).status).toBe(204);
    // Newest first; grants made within the same millisecond are ordered by id.
    const expected = grants
      .filter((grant) => grant.id !== grants[2].id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((grant) => grant.id);

    const first = await listGrants(headers, { org: organization.slug, query: "?limit=2" });
    expect(idsOf(first.body)).toEqual(expected.slice(0, 2));
    expect(first.body.nextCursor).toBe(expected[1]);
    const second = await listGrants(headers, { org: organization.slug, query: `?limit=2&cursor=${first.body.nextCursor}` });
    expect(idsOf(second.body)).toEqual(expected.slice(2, 4));
    expect(second.body.nextCursor).toBeNull();

    const badLimit = await listGrants(headers, { org: organization.slug, query: "?limit=0" });
    expect(badLimit.status).toBe(422);
  });

  it("flags a grant whose user has left the organization", async () => {
    const { owner } = fixture.users;
    const leaver = await createTestUser({ name: "Leaver" });
    const { organization, project } = await createOrganizationWithProject(owner);
    await addMember({ orgSlug: organization.slug, inviter: owner, user: leaver, role: "EDITOR" });
    const { grant } = await connectHost({ user: leaver, project: { orgSlug: organization.slug, projectSlug: project.slug } });
    const access = await getOrganizationAccess({ actor: leaver, orgSlug: organization.slug, permission: "organization.view" });
    await removeMember({ access, actor: leaver, userId: leaver.id });
    const response = await listGrants(await asSession(owner), { org: organization.slug });
    expect(response.body.data.find((item) => item.id === grant.id)?.user).toMatchObject({ isMember: false, access: "not_member" });
  });

  it("flags a grant whose user's role no longer allows its endpoint, not as having left: an Editor made Viewer holding a draft grant", async () => {
    const { owner } = fixture.users;
    const demoted = await createTestUser({ name: "Demoted" });
    const { organization, project } = await createOrganizationWithProject(owner);
    await addMember({ orgSlug: organization.slug, inviter: owner, user: demoted, role: "EDITOR" });
    const target = { orgSlug: organization.slug, projectSlug: project.slug };
    const draft = (await connectHost({ user: demoted, environment: "draft", project: target })).grant;
    const production = (await connectHost({ user: demoted, environment: "production", project: target })).grant;
    const access = await getOrganizationAccess({ actor: owner, orgSlug: organization.slug, permission: "organization.members" });
    await updateMemberRole({ access, actor: owner, userId: demoted.id, role: "VIEWER" });
    for (const headers of [await asSession(owner), await asSession(demoted)]) {
      const listed = (await listGrants(headers, { org: organization.slug })).body.data;
      expect(listed.find((item) => item.id === draft.id)?.user).toMatchObject({ isMember: true, access: "role" });
      expect(listed.find((item) => item.id === production.id)?.user).toMatchObject({ isMember: true, access: "allowed" });
    }
  });

  it("is a 404 for another organization, with a cookie and with an API token", async () => {
    const outsider = await createTestUser();
    await createTestOrganization(outsider);
    await connectHost({ user: fixture.users.editor });
    for (const headers of [await asSession(outsider), await asToken(outsider)]) {
      const response = await listGrants(headers);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
      expect(JSON.stringify(response.body)).not.toContain(fixture.users.editor.email);
    }
  });

  it("needs a caller", async () => {
    const response = await listGrants({});
    expect(response.status).toBe(401);
  });
});

describe("revoking an authorized app", () => {
  it("lets a member revoke their own grant, audited as grant.revoke", async () => {
    const { editor } = fixture.users;
    const { grant } = await connectHost({ user: editor, clientName: "Claude" });
    const headers = { ...(await asSession(editor)), "user-agent": "grants-test", "x-forwarded-for": "203.0.113.9" };

    const response = await revoke(headers, grant.id);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();

    const row = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(idsOf((await listGrants(await asSession(editor))).body)).not.toContain(grant.id);

    const events = await db.auditEvent.findMany({
      where: { organizationId: fixture.organization.id, action: "grant.revoke", targetId: grant.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: editor.id, targetType: "oauth_grant", ip: "203.0.113.9", userAgent: "grants-test" });
    expect(events[0].targetLabel).toContain("Claude");
  });

  it("lets Owners and Admins revoke anyone's grant", async () => {
    const { owner, admin, viewer } = fixture.users;
    for (const actor of [owner, admin]) {
      const { grant } = await connectHost({ user: viewer });
      expect((await revoke(await asSession(actor), grant.id)).status).toBe(204);
      expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeInstanceOf(Date);
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "grant.revoke", targetId: grant.id } });
      expect(event.actorUserId).toBe(actor.id);
    }
  });

  it("is a 404, revoking nothing, for someone else's grant when the caller is a plain member", async () => {
    const { editor, viewer, projectOwner } = fixture.users;
    const { grant } = await connectHost({ user: viewer });
    for (const actor of [editor, projectOwner]) {
      const response = await revoke(await asSession(actor), grant.id);
      expect(response.status).toBe(404);
      expect((response.body as ErrorBody).error.code).toBe("not_found");
    }
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "grant.revoke", targetId: grant.id } })).toBe(0);
  });

  it("is a 404 for another organization's grant, with a cookie and with an API token, even through one's own organization", async () => {
    const { owner } = fixture.users;
    const outsider = await createTestUser();
    const otherOrganization = await createTestOrganization(outsider);
    const { grant } = await connectHost({ user: fixture.users.editor });

    // The outsider names the grant's own organization (not theirs) and their own organization.
    for (const headers of [await asSession(outsider), await asToken(outsider)]) {
      expect((await revoke(headers, grant.id)).status).toBe(404);
      expect((await revoke(headers, grant.id, { org: otherOrganization.slug })).status).toBe(404);
    }
    // An Owner of the grant's organization who also owns another: that other organization's path is a 404 too.
    const ownersOtherOrganization = await createTestOrganization(owner);
    expect((await revoke(await asToken(owner), grant.id, { org: ownersOtherOrganization.slug })).status).toBe(404);
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
  });

  it("is a 404 for an unknown id and for a grant already revoked", async () => {
    const { editor } = fixture.users;
    const headers = await asSession(editor);
    expect((await revoke(headers, "does-not-exist")).status).toBe(404);
    const { grant } = await connectHost({ user: editor });
    expect((await revoke(headers, grant.id)).status).toBe(204);
    expect((await revoke(headers, grant.id)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "grant.revoke", targetId: grant.id } })).toBe(1);
  });

  it("cuts the host off on its next request: the SDK client with the grant's access token gets 401", async () => {
    const { editor } = fixture.users;
    const { grant, resource, accessToken } = await connectHost({ user: editor, environment: "draft", clientName: "Claude" });
    const host = await connectClient({ url: resource, token: accessToken, era: "modern" });
    try {
      expect((await host.listTools()).tools).toEqual([]);

      expect((await revoke(await asSession(editor), grant.id)).status).toBe(204);

      await expect(host.listTools()).rejects.toThrow();
      await expect(connectClient({ url: resource, token: accessToken, era: "legacy" })).rejects.toThrow();
      const raw = await postJsonRpc(
        resource,
        { jsonrpc: "2.0", id: 1, method: "tools/list" },
        { authorization: `Bearer ${accessToken}`, "mcp-protocol-version": "2025-11-25" },
      );
      expect(raw.status).toBe(401);
      expect(raw.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(parseJsonRpc(raw.text).error?.message).toMatch(/unauthorized/i);
    } finally {
      await host.close();
    }
  });
});
