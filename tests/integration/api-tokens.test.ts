import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/app/v1/me/route";
import * as tokenRoute from "@/app/app/v1/me/tokens/[id]/route";
import * as tokensRoute from "@/app/app/v1/me/tokens/route";
import * as organizationRoute from "@/app/app/v1/organizations/[org]/route";
import { db } from "@/lib/db";
import { asSession, call, createTestOrganization, createTestUser, sessionCookie, type TestUser } from "./helpers";

type CreatedToken = { id: string; name: string; prefix: string; token: string };
type TokenList = { data: Array<{ id: string; lastUsedAt: string | null }> };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createToken(user: TestUser, name = "CI") {
  return call<CreatedToken>(tokensRoute.POST, {
    method: "POST",
    path: "/app/v1/me/tokens",
    headers: await asSession(user),
    body: { name },
  });
}

async function listTokens(user: TestUser) {
  return call<TokenList>(tokensRoute.GET, { path: "/app/v1/me/tokens", headers: await asSession(user) });
}

async function revoke(user: TestUser, id: string) {
  return call(tokenRoute.DELETE, { method: "DELETE", path: `/app/v1/me/tokens/${id}`, params: { id }, headers: await asSession(user) });
}

describe("personal API tokens", () => {
  it("returns the value once, at creation", async () => {
    const user = await createTestUser();
    const created = await createToken(user, "Deploy bot");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: "Deploy bot",
      prefix: created.body.token.slice(0, 12),
      token: expect.stringMatching(/^atl_pat_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
    });

    const list = await listTokens(user);
    expect(list.body.data).toEqual([
      { id: created.body.id, name: "Deploy bot", prefix: created.body.prefix, createdAt: expect.any(String), lastUsedAt: null },
    ]);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.body.token);
    expect(text).not.toContain(sha256(created.body.token));
  });

  it("stores only the SHA-256 of the token", async () => {
    const user = await createTestUser();
    const { body } = await createToken(user);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: body.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).not.toBe(body.token);
    expect(row.tokenHash).toBe(sha256(body.token));
    expect(JSON.stringify(row)).not.toContain(body.token);
  });

  it("authenticates /app/v1/me and records when it was last used", async () => {
    const user = await createTestUser({ name: "Token User" });
    const { body } = await createToken(user);
    const me = await call(meRoute.GET, { path: "/app/v1/me", headers: bearer(body.token) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: user.id, email: user.email, name: "Token User" });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect((await listTokens(user)).body.data).toEqual([expect.objectContaining({ id: body.id, lastUsedAt: expect.any(String) })]);
  });

  it("carries its user's role", async () => {
    const user = await createTestUser();
    const organization = await createTestOrganization(user);
    const { body } = await createToken(user);
    const response = await call(organizationRoute.GET, {
      path: `/app/v1/organizations/${organization.slug}`,
      params: { org: organization.slug },
      headers: bearer(body.token),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ slug: organization.slug, role: "OWNER" });
  });

  it("stops working on the very next request once revoked", async () => {
    const user = await createTestUser();
    const { body } = await createToken(user);
    expect((await call(meRoute.GET, { path: "/app/v1/me", headers: bearer(body.token) })).status).toBe(200);

    expect((await revoke(user, body.id)).status).toBe(204);
    const after = await call(meRoute.GET, { path: "/app/v1/me", headers: bearer(body.token) });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect((await listTokens(user)).body.data).toEqual([]);
    expect((await revoke(user, body.id)).status).toBe(404);
  });

  it("answers 404 to revoking another user's token, which keeps working", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const { body } = await createToken(owner);
    const response = await revoke(other, body.id);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect((await call(meRoute.GET, { path: "/app/v1/me", headers: bearer(body.token) })).status).toBe(200);
  });

  it.each(["garbage", "atl_pat_garbage", "atl_draft_notapersonaltoken"])(
    "rejects the bearer %s with 401, even beside a valid session cookie",
    async (token) => {
      const user = await createTestUser();
      const headers = { ...bearer(token), cookie: await sessionCookie(user) };
      const response = await call(meRoute.GET, { path: "/app/v1/me", headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    },
  );

  it("rejects a session cookie that was not signed with the server secret", async () => {
    const response = await call(meRoute.GET, { path: "/app/v1/me", headers: { cookie: "next-auth.session-token=forged" } });
    expect(response.status).toBe(401);
  });

  it("requires a name (422)", async () => {
    const user = await createTestUser();
    const response = await call(tokensRoute.POST, {
      method: "POST",
      path: "/app/v1/me/tokens",
      headers: await asSession(user),
      body: { name: "" },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("name") } });
  });
});
