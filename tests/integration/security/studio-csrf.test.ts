// Issue 12 item 9: a page on another origin (even another port of the same host) cannot make a
// signed-in browser write through the studio API; the studio's own JSON calls and API tokens can.
import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/app/v1/me/tokens/route";
import * as draftTokenRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft-token/route";
import { db } from "@/lib/db";
import { apiToken, createOrgWithMembers, createTestUser, sessionCookie, type TestUser } from "../helpers";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A raw request as a browser would send it: exactly the headers given, nothing added. */
async function send(
  handler: Handler,
  options: { headers: Record<string, string>; body?: string; method?: string; params?: Record<string, string> },
) {
  const request = new Request("http://localhost:3000/app/v1/me/tokens", {
    method: options.method ?? "POST",
    headers: options.headers,
    body: options.body,
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

const tokenCount = (user: TestUser) => db.apiToken.count({ where: { userId: user.id } });
const JSON_BODY = JSON.stringify({ name: "planted" });

describe("cookie-authenticated writes to /app/v1", () => {
  it("refuses a foreign Origin, including another port of the same host, and creates nothing", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    for (const origin of ["http://localhost:3001", "https://evil.example", "null"]) {
      const response = await send(tokensRoute.POST, { headers: { cookie, origin, "content-type": "application/json" }, body: JSON_BODY });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
    expect(await tokenCount(user)).toBe(0);
  });

  it("refuses a write with no Origin unless the browser marks it same-origin", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const headers = { cookie, "content-type": "application/json" };
    expect((await send(tokensRoute.POST, { headers, body: JSON_BODY })).status).toBe(403);
    expect((await send(tokensRoute.POST, { headers: { ...headers, "sec-fetch-site": "same-site" }, body: JSON_BODY })).status).toBe(403);
    expect((await send(tokensRoute.POST, { headers: { ...headers, "sec-fetch-site": "same-origin" }, body: JSON_BODY })).status).toBe(201);
  });

  it("refuses bodies that are not JSON, which a cross-site form or no-cors fetch would send", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const origin = "http://localhost:3000";
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await send(tokensRoute.POST, { headers: { cookie, origin, "content-type": type }, body: JSON_BODY });
      expect(response.status).toBe(415);
    }
    expect(await tokenCount(user)).toBe(0);
  });

  it("accepts the studio's own calls: same Origin, JSON body (and body-less writes)", async () => {
    const { organization, project, users } = await createOrgWithMembers();
    const cookie = await sessionCookie(users.owner);
    const origin = "http://localhost:3000";
    const created = await send(tokensRoute.POST, {
      headers: { cookie, origin, "content-type": "application/json; charset=utf-8" },
      body: JSON_BODY,
    });
    expect(created.status).toBe(201);
    const params = { org: organization.slug, project: project.slug };
    expect((await send(draftTokenRoute.POST, { headers: { cookie, origin }, params })).status).toBe(200);
    expect((await send(draftTokenRoute.POST, { headers: { cookie, origin: "http://localhost:3001" }, params })).status).toBe(403);
  });

  it("compares Origin with the address the request came to (Host), without ATELIER_URL", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const headers = { cookie, host: "127.0.0.1:3000", "content-type": "application/json" };
    expect((await send(tokensRoute.POST, { headers: { ...headers, origin: "http://127.0.0.1:3000" }, body: JSON_BODY })).status).toBe(201);
    expect((await send(tokensRoute.POST, { headers: { ...headers, origin: "http://127.0.0.1:3001" }, body: JSON_BODY })).status).toBe(403);
  });

  it("leaves personal API token calls alone: no Origin rule, no ambient credential", async () => {
    const user = await createTestUser();
    const token = await apiToken(user);
    const response = await send(tokensRoute.POST, {
      headers: { authorization: `Bearer ${token}`, origin: "https://elsewhere.example", "content-type": "application/json" },
      body: JSON_BODY,
    });
    expect(response.status).toBe(201);
  });
});
