// Issue 12 item 10: password sign-in is throttled per account and per client address, sign-up does
// not tell whether an address has an account, and an unverified password sign-up cannot pre-claim
// an address that a GitHub/Google/OIDC user later signs in with.
import { randomUUID } from "node:crypto";
import type { Account, User } from "next-auth";
import { describe, expect, it } from "vitest";
import * as signUpRoute from "@/app/api/sign-up/route";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { signInLimits, signUpLimitPerAddress } from "@/lib/rate-limit/sign-in-limits";
import { call, createTestUser } from "../helpers";
import { NextAuthBrowser } from "./next-auth-browser";

const PASSWORD = "correct horse battery"; // createTestUser's
// A fresh client address per test: the limiter is the process's, shared by every test file.
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;
const freshEmail = () => `someone-${randomUUID()}@example.test`;

describe("password sign-in throttling", () => {
  it("refuses the right password after too many wrong ones for the account, from any address", async () => {
    const user = await createTestUser();
    for (let attempt = 0; attempt < signInLimits().perAccount.limit; attempt++) {
      const wrong = await new NextAuthBrowser(freshIp()).signIn(user.email, `wrong password ${attempt}`);
      expect(wrong.error).toBe("CredentialsSignin");
    }
    const right = await new NextAuthBrowser(freshIp()).signIn(user.email, PASSWORD);
    expect(right.ok).toBe(false);
    expect(right.error).toBe("TooManyAttempts");
    // Another account is not affected.
    const other = await createTestUser();
    expect((await new NextAuthBrowser(freshIp()).signIn(other.email, PASSWORD)).ok).toBe(true);
  });

  it("refuses an address that tries too many accounts", async () => {
    const ip = freshIp();
    const user = await createTestUser();
    for (let attempt = 0; attempt < signInLimits().perAddress.limit; attempt++) {
      expect((await new NextAuthBrowser(ip).signIn(freshEmail(), "guess guess guess")).error).toBe("CredentialsSignin");
    }
    expect((await new NextAuthBrowser(ip).signIn(user.email, PASSWORD)).error).toBe("TooManyAttempts");
    expect((await new NextAuthBrowser(freshIp()).signIn(user.email, PASSWORD)).ok).toBe(true);
  });

  it("throttles an unknown address exactly like a known one", async () => {
    const unknown = freshEmail();
    const answers: Array<string | null> = [];
    for (let attempt = 0; attempt <= signInLimits().perAccount.limit; attempt++) {
      answers.push((await new NextAuthBrowser(freshIp()).signIn(unknown, "guess guess guess")).error);
    }
    expect(answers.slice(0, -1).every((error) => error === "CredentialsSignin")).toBe(true);
    expect(answers.at(-1)).toBe("TooManyAttempts");
  });
});

describe("sign-up", () => {
  const signUp = (body: unknown, ip = freshIp()) =>
    call<{ message?: string }>(signUpRoute.POST, { method: "POST", path: "/api/sign-up", headers: { "x-forwarded-for": ip }, body });

  it("answers the same for a taken address, and leaves that account as it was", async () => {
    const existing = await createTestUser();
    const fresh = await signUp({ name: "New", email: freshEmail(), password: "a new password" });
    const taken = await signUp({ name: "Intruder", email: existing.email, password: "the intruder's password" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(taken.status).toBe(202);

    expect((await new NextAuthBrowser(freshIp()).signIn(existing.email, "the intruder's password")).ok).toBe(false);
    expect((await new NextAuthBrowser(freshIp()).signIn(existing.email, PASSWORD)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email: existing.email } })).name).toBe(existing.name);
  });

  it("creates a working account for a new address", async () => {
    const email = freshEmail();
    expect((await signUp({ name: "New Person", email, password: "a new password" })).status).toBe(202);
    expect((await new NextAuthBrowser(freshIp()).signIn(email, "a new password")).ok).toBe(true);
  });

  it("limits sign-ups per client address", async () => {
    const ip = freshIp();
    for (let count = 0; count < signUpLimitPerAddress().limit; count++) {
      expect((await signUp({ name: "Bot", email: freshEmail(), password: "a new password" }, ip)).status).toBe(202);
    }
    const refused = await signUp({ name: "Bot", email: freshEmail(), password: "a new password" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("external sign-in linking by email", () => {
  const callbacks = () => authOptions().callbacks ?? {};
  const github = (email: string): { user: User; account: Account } => ({
    user: { id: `gh-${randomUUID()}`, email, name: "Octo Cat" },
    account: { provider: "github", type: "oauth", providerAccountId: randomUUID() },
  });

  it("does not link to a password account whose address was never verified", async () => {
    const squatter = await createTestUser(); // a password sign-up with someone else's address
    const { user, account } = github(squatter.email);
    const allowed = await callbacks().signIn?.({ user, account, profile: { email: squatter.email } });
    expect(allowed).toBe("/sign-in?error=UnverifiedAccountExists");
    await expect(callbacks().jwt?.({ token: { sub: user.id }, user, account, trigger: "signIn" })).rejects.toThrow();
    expect(await db.session.count({ where: { userId: squatter.id } })).toBe(0);
  });

  it("refuses an address the provider has not verified", async () => {
    const { user, account } = github(freshEmail());
    const allowed = await callbacks().signIn?.({
      user,
      account: { ...account, provider: "google" },
      profile: { email: user.email ?? "", email_verified: false } as never,
    });
    expect(allowed).toBe("/sign-in?error=EmailNotVerified");
    expect(await db.user.count({ where: { email: user.email ?? "" } })).toBe(0);
  });

  it("creates a verified account on first external sign-in, and links the next one to it", async () => {
    const email = freshEmail();
    const first = github(email);
    expect(await callbacks().signIn?.({ user: first.user, account: first.account, profile: { email } })).toBe(true);
    const token = await callbacks().jwt?.({ token: { sub: first.user.id }, user: first.user, account: first.account, trigger: "signIn" });
    const local = await db.user.findUniqueOrThrow({ where: { email } });
    expect(local.emailVerifiedAt).not.toBeNull();
    expect(token?.sub).toBe(local.id);
    expect(await db.session.count({ where: { id: String(token?.sid), userId: local.id } })).toBe(1);

    const again = github(email.toUpperCase());
    expect(await callbacks().signIn?.({ user: again.user, account: again.account, profile: { email } })).toBe(true);
    const second = await callbacks().jwt?.({ token: { sub: again.user.id }, user: again.user, account: again.account, trigger: "signIn" });
    expect(second?.sub).toBe(local.id);
  });
});
