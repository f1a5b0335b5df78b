// Issue 12 item 11: a studio session ends on the server. A cookie copied before sign-out (or before
// "Sign out everywhere", a password change, removal from the last organization) is refused after it.
import { describe, expect, it } from "vitest";
import * as memberRoute from "@/app/app/v1/organizations/[org]/members/[userId]/route";
import * as meRoute from "@/app/app/v1/me/route";
import * as passwordRoute from "@/app/app/v1/me/password/route";
import * as sessionsRoute from "@/app/app/v1/me/sessions/route";
import { addMember, apiToken, call, createTestOrganization, createTestUser, sessionCookie, type TestUser } from "../helpers";
import { NextAuthBrowser } from "./next-auth-browser";

const PASSWORD = "correct horse battery"; // createTestUser's

const me = (cookie: string) => call<{ id: string }>(meRoute.GET, { path: "/app/v1/me", headers: { cookie } });

async function signedInBrowser(user: TestUser, password = PASSWORD) {
  const browser = new NextAuthBrowser();
  expect((await browser.signIn(user.email, password)).ok).toBe(true);
  return browser;
}

describe("signing out", () => {
  it("refuses a session cookie captured before sign-out", async () => {
    const user = await createTestUser();
    const browser = await signedInBrowser(user);
    const captured = browser.sessionCookie();
    expect((await me(captured)).status).toBe(200);

    await browser.signOut();
    expect(browser.jar.has("next-auth.session-token")).toBe(false);
    expect((await me(captured)).status).toBe(401);
  });

  it("gives a signed-out cookie no session at /api/auth/session either", async () => {
    const user = await createTestUser();
    const browser = await signedInBrowser(user);
    expect((await browser.session()).user?.email).toBe(user.email);
    const copy = new NextAuthBrowser();
    copy.jar.set("next-auth.session-token", browser.jar.get("next-auth.session-token") ?? "");
    await browser.signOut();
    expect((await copy.session()).user).toBeUndefined();
  });

  it("ends only the session that signed out", async () => {
    const user = await createTestUser();
    const laptop = await signedInBrowser(user);
    const phone = await signedInBrowser(user);
    await laptop.signOut();
    expect((await me(phone.sessionCookie())).status).toBe(200);
  });

  it("keeps next-auth's own CSRF protection: a sign-in without its CSRF token starts no session", async () => {
    const user = await createTestUser();
    const browser = new NextAuthBrowser();
    const attempt = await browser.signIn(user.email, PASSWORD, { csrf: false });
    expect(attempt.ok).toBe(false);
    expect(attempt.redirect).toContain("csrf=true");
  });
});

describe("Sign out everywhere", () => {
  it("ends every session of the user, and leaves API tokens and other users alone", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const laptop = await signedInBrowser(user);
    const phone = await signedInBrowser(user);
    const otherCookie = await sessionCookie(other);
    const token = await apiToken(user);

    const response = await call<{ endedSessions: number }>(sessionsRoute.DELETE, {
      method: "DELETE",
      path: "/app/v1/me/sessions",
      headers: { cookie: laptop.sessionCookie() },
    });
    expect(response.status).toBe(200);
    expect(response.body.endedSessions).toBe(2);
    expect((await me(laptop.sessionCookie())).status).toBe(401);
    expect((await me(phone.sessionCookie())).status).toBe(401);
    expect((await me(otherCookie)).status).toBe(200);
    expect((await call(meRoute.GET, { path: "/app/v1/me", headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe("changing the password", () => {
  const change = (cookie: string, body: unknown) =>
    call(passwordRoute.PUT, { method: "PUT", path: "/app/v1/me/password", headers: { cookie }, body });

  it("ends the user's other sessions and keeps the one that changed it", async () => {
    const user = await createTestUser();
    const laptop = await signedInBrowser(user);
    const phone = await signedInBrowser(user);

    expect((await change(laptop.sessionCookie(), { currentPassword: PASSWORD, newPassword: "a brand new passphrase" })).status).toBe(200);
    expect((await me(laptop.sessionCookie())).status).toBe(200);
    expect((await me(phone.sessionCookie())).status).toBe(401);
    expect((await new NextAuthBrowser().signIn(user.email, PASSWORD)).ok).toBe(false);
    expect((await new NextAuthBrowser().signIn(user.email, "a brand new passphrase")).ok).toBe(true);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await createTestUser();
    const laptop = await signedInBrowser(user);
    const phone = await signedInBrowser(user);
    const refused = await change(laptop.sessionCookie(), { currentPassword: "not my password", newPassword: "a brand new passphrase" });
    expect(refused.status).toBe(422);
    expect((await me(phone.sessionCookie())).status).toBe(200);
    expect((await new NextAuthBrowser().signIn(user.email, PASSWORD)).ok).toBe(true);
  });
});

describe("removal from the last organization", () => {
  it("ends the removed user's sessions; removal from one of several organizations does not", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const first = await createTestOrganization(owner);
    const second = await createTestOrganization(owner);
    await addMember({ orgSlug: first.slug, inviter: owner, user: member, role: "EDITOR" });
    await addMember({ orgSlug: second.slug, inviter: owner, user: member, role: "EDITOR" });
    const memberSession = await signedInBrowser(member);
    const ownerCookie = await sessionCookie(owner);
    const removeFrom = (orgSlug: string) =>
      call(memberRoute.DELETE, {
        method: "DELETE",
        path: `/app/v1/organizations/${orgSlug}/members/${member.id}`,
        params: { org: orgSlug, userId: member.id },
        headers: { cookie: ownerCookie },
      });

    expect((await removeFrom(first.slug)).status).toBe(204);
    expect((await me(memberSession.sessionCookie())).status).toBe(200);
    expect((await removeFrom(second.slug)).status).toBe(204);
    expect((await me(memberSession.sessionCookie())).status).toBe(401);
  });
});
