import { describe, expect, it } from "vitest";
import * as catchAllRoute from "@/app/app/v1/[...path]/route";
import * as invitationAcceptRoute from "@/app/app/v1/invitations/[token]/accept/route";
import * as meRoute from "@/app/app/v1/me/route";
import * as organizationRoute from "@/app/app/v1/organizations/[org]/route";
import * as invitationsRoute from "@/app/app/v1/organizations/[org]/invitations/route";
import * as memberRoute from "@/app/app/v1/organizations/[org]/members/[userId]/route";
import * as membersRoute from "@/app/app/v1/organizations/[org]/members/route";
import * as organizationsRoute from "@/app/app/v1/organizations/route";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/organizations";
import { addMember, asSession, call, createTestOrganization, createTestUser, uniqueSlug, type TestUser } from "./helpers";

type Invitation = { id: string; email: string; role: string; expiresAt: string; link: string };
type Member = { userId: string; role: string };

async function invite(owner: TestUser, orgSlug: string, email: string, role = "EDITOR") {
  return call<Invitation>(invitationsRoute.POST, {
    method: "POST",
    path: `/app/v1/organizations/${orgSlug}/invitations`,
    params: { org: orgSlug },
    headers: await asSession(owner),
    body: { email, role },
  });
}

async function accept(user: TestUser, link: string) {
  const token = new URL(link).pathname.split("/").pop() ?? "";
  return call(invitationAcceptRoute.POST, {
    method: "POST",
    path: `/app/v1/invitations/${token}/accept`,
    params: { token },
    headers: await asSession(user),
  });
}

describe("organizations", () => {
  it("creates an organization whose creator is its Owner", async () => {
    const user = await createTestUser();
    const slug = uniqueSlug("acme");
    const created = await call<{ id: string }>(organizationsRoute.POST, {
      method: "POST",
      path: "/app/v1/organizations",
      headers: await asSession(user),
      body: { slug, name: "Acme" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug, name: "Acme", role: "OWNER" });

    const list = await call(organizationsRoute.GET, { path: "/app/v1/organizations", headers: await asSession(user) });
    expect(list.body).toEqual({ data: [expect.objectContaining({ id: created.body.id, slug, role: "OWNER" })], nextCursor: null });
    const one = await call(organizationRoute.GET, {
      path: `/app/v1/organizations/${slug}`,
      params: { org: slug },
      headers: await asSession(user),
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: created.body.id, slug, name: "Acme", role: "OWNER" });
  });

  it("rejects a duplicate slug with 409 and changes nothing", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const organization = await createTestOrganization(first);
    const before = await db.membership.count();
    const duplicate = await call(organizationsRoute.POST, {
      method: "POST",
      path: "/app/v1/organizations",
      headers: await asSession(second),
      body: { slug: organization.slug, name: "Copycat" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ error: { code: "conflict", message: expect.stringContaining(organization.slug) } });
    expect(await db.organization.count({ where: { slug: organization.slug } })).toBe(1);
    expect(await db.membership.count()).toBe(before);
    expect(await db.membership.count({ where: { userId: second.id } })).toBe(0);
  });

  it("leaves no organization, membership or audit event behind when creation loses a race", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const slug = uniqueSlug("race");
    const results = await Promise.allSettled([
      createOrganization({ actor: first, input: { slug, name: "First" } }),
      createOrganization({ actor: second, input: { slug, name: "Second" } }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const organizations = await db.organization.findMany({ where: { slug }, include: { memberships: true, auditEvents: true } });
    expect(organizations).toHaveLength(1);
    expect(organizations[0].memberships).toHaveLength(1);
    expect(organizations[0].auditEvents).toHaveLength(1);
    const memberships = await db.membership.count({ where: { userId: { in: [first.id, second.id] } } });
    expect(memberships).toBe(1);
  });

  it.each([
    ["uppercase", "Acme"],
    ["spaces", "my org"],
    ["41 characters", "a".repeat(41)],
    ["a leading hyphen", "-acme"],
  ])("rejects a slug with %s with 422 naming the field", async (_case, slug) => {
    const user = await createTestUser();
    const response = await call(organizationsRoute.POST, {
      method: "POST",
      path: "/app/v1/organizations",
      headers: await asSession(user),
      body: { slug, name: "Acme" },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("slug") } });
    expect(await db.organization.count({ where: { slug } })).toBe(0);
  });

  it("answers malformed JSON with 400", async () => {
    const user = await createTestUser();
    const response = await call(organizationsRoute.POST, {
      method: "POST",
      path: "/app/v1/organizations",
      headers: await asSession(user),
      body: '{"slug": "acme",',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
  });

  it.each(["GET", "POST", "DELETE"])("answers an unknown API path (%s) with a JSON 404", async (method) => {
    const response = await call(catchAllRoute[method as "GET" | "POST" | "DELETE"], { method, path: "/app/v1/whatever", params: {} });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.stringContaining("/app/v1/whatever") } });
  });

  it("answers a request without credentials with a JSON 401", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner);
    const responses = [
      await call(meRoute.GET, { path: "/app/v1/me" }),
      await call(organizationsRoute.GET, { path: "/app/v1/organizations" }),
      await call(organizationRoute.GET, { path: `/app/v1/organizations/${organization.slug}`, params: { org: organization.slug } }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });
});

describe("invitations", () => {
  it("lets the invited user join with the invited role through the link", async () => {
    const owner = await createTestUser();
    const invitee = await createTestUser({ name: "Invitee" });
    const organization = await createTestOrganization(owner, "Invite Org");
    const created = await invite(owner, organization.slug, invitee.email.toUpperCase(), "EDITOR");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: invitee.email,
      role: "EDITOR",
      expiresAt: expect.any(String),
      link: expect.stringMatching(/^http:\/\/localhost:3000\/invitations\/atl_inv_/),
      // No SMTP_URL in tests: nothing is emailed, the link is for sharing by hand.
      delivery: { sent: false, reason: "not_configured", message: expect.any(String) },
    });

    const pending = await call(invitationsRoute.GET, {
      path: `/app/v1/organizations/${organization.slug}/invitations`,
      params: { org: organization.slug },
      headers: await asSession(owner),
    });
    expect(pending.body).toEqual({ data: [expect.objectContaining({ id: created.body.id, email: invitee.email })] });
    expect(JSON.stringify(pending.body)).not.toContain("tokenHash");

    const accepted = await accept(invitee, created.body.link);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organization: { slug: organization.slug, name: "Invite Org" }, role: "EDITOR" });

    const members = await call<{ data: Member[] }>(membersRoute.GET, {
      path: `/app/v1/organizations/${organization.slug}/members`,
      params: { org: organization.slug },
      headers: await asSession(invitee),
    });
    expect(members.body.data).toContainEqual(
      expect.objectContaining({
        userId: invitee.id,
        role: "EDITOR",
        user: { id: invitee.id, email: invitee.email, name: "Invitee" },
        ownedProjects: [],
      }),
    );
  });

  it("treats POST …/members as creating an invitation", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner);
    const response = await call(membersRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${organization.slug}/members`,
      params: { org: organization.slug },
      headers: await asSession(owner),
      body: { email: "someone@example.test", role: "VIEWER" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: "someone@example.test", role: "VIEWER", link: expect.stringContaining("/invitations/") });
  });

  it("refuses a user whose email does not match (403) and a reused invitation (409)", async () => {
    const owner = await createTestUser();
    const invitee = await createTestUser();
    const stranger = await createTestUser();
    const organization = await createTestOrganization(owner);
    const { body } = await invite(owner, organization.slug, invitee.email, "VIEWER");

    const wrongUser = await accept(stranger, body.link);
    expect(wrongUser.status).toBe(403);
    expect(wrongUser.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining(invitee.email) } });
    expect(await db.membership.count({ where: { userId: stranger.id } })).toBe(0);

    expect((await accept(invitee, body.link)).status).toBe(200);
    const reused = await accept(invitee, body.link);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: "conflict" } });
  });
});

describe("the last Owner", () => {
  it("cannot demote or remove themselves (409), and nothing changes", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization(owner);
    const org = organization.slug;
    const path = `/app/v1/organizations/${org}/members/${owner.id}`;
    const params = { org, userId: owner.id };
    const demote = await call(memberRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      headers: await asSession(owner),
      body: { role: "ADMIN" },
    });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("Owner") } });
    const leave = await call(memberRoute.DELETE, { method: "DELETE", path, params, headers: await asSession(owner) });
    expect(leave.status).toBe(409);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: owner.id, organization: { slug: org } } });
    expect(membership.role).toBe("OWNER");
  });

  it("can step down once another Owner exists", async () => {
    const owner = await createTestUser();
    const successor = await createTestUser();
    const organization = await createTestOrganization(owner);
    const org = organization.slug;
    await addMember({ orgSlug: org, inviter: owner, user: successor, role: "OWNER" });
    const demote = await call(memberRoute.PATCH, {
      method: "PATCH",
      path: `/app/v1/organizations/${org}/members/${owner.id}`,
      params: { org, userId: owner.id },
      headers: await asSession(owner),
      body: { role: "ADMIN" },
    });
    expect(demote.status).toBe(200);
    expect(demote.body).toMatchObject({ userId: owner.id, role: "ADMIN" });
  });
});
