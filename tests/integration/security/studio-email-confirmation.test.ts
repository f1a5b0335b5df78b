// Issue 12 item 10, with email configured: sign-up emails the address either way (a confirmation
// link for a new account, a note for a taken address), and only a confirmed password account is
// linked to a later external sign-in with the same address. Mail goes through the real mailer
// (nodemailer) to a real SMTP server (smtp-server) on 127.0.0.1.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Account, User } from "next-auth";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as verifyRoute from "@/app/api/verify-email/route";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { createMailer, type Mailer } from "@/lib/mail/mailer";
import { createEmailVerificationToken, EMAIL_VERIFICATION_LIFETIME_MS } from "@/lib/users/email-verification";
import { signUp } from "@/lib/users/create-user";
import { createTestUser } from "../helpers";

const ORIGIN = "http://localhost:3000";
const inbox: Array<{ to: string[]; raw: string }> = [];
let sink: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`, siteUrl: ORIGIN });
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink?.close(() => resolve()));
});

/** The message body as text: quoted-printable soft breaks joined and =XX decoded. */
const bodyOf = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
const mailTo = (email: string) => inbox.filter((message) => message.to.includes(email)).map((message) => bodyOf(message.raw));
const freshEmail = () => `someone-${randomUUID()}@example.test`;

const visit = async (link: string) => {
  const response = await verifyRoute.GET(new Request(link), { params: Promise.resolve({}) });
  return response.headers.get("location");
};

function githubSignIn(email: string) {
  const user: User = { id: `gh-${randomUUID()}`, email, name: "Octo Cat" };
  const account: Account = { provider: "github", type: "oauth", providerAccountId: randomUUID() };
  return authOptions().callbacks?.signIn?.({ user, account, profile: { email } });
}

describe("sign-up with email configured", () => {
  it("emails a confirmation link to a new address; once confirmed, an external sign-in links to the account", async () => {
    const email = freshEmail();
    await signUp({ name: "New Person", email, password: "a new password" }, { origin: ORIGIN, mailer });
    const [message] = mailTo(email);
    expect(message).toContain("Confirm your email address");
    const link = /http:\/\/localhost:3000\/api\/verify-email\?token=[\w.-]+/.exec(message)?.[0];
    expect(link).toBeDefined();

    expect(await githubSignIn(email)).toBe("/sign-in?error=UnverifiedAccountExists");
    expect(await visit(link!)).toBe(`${ORIGIN}/sign-in?verified=1`);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await githubSignIn(email)).toBe(true);
  });

  it("emails a note, not a link, to a taken address, and changes nothing", async () => {
    const existing = await createTestUser();
    await signUp({ name: "Intruder", email: existing.email, password: "the intruder's password" }, { origin: ORIGIN, mailer });
    const [message] = mailTo(existing.email);
    expect(message).toContain("already has one");
    expect(message).not.toContain("verify-email");
    expect((await db.user.findUniqueOrThrow({ where: { email: existing.email } })).emailVerifiedAt).toBeNull();
  });

  it("refuses a forged, expired or foreign confirmation link", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const token = createEmailVerificationToken({ userId: user.id, email: user.email });
    const [payload] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: other.id, e: other.email, x: Date.now() + 60_000 })).toString("base64url");
    const expired = createEmailVerificationToken({
      userId: user.id,
      email: user.email,
      now: Date.now() - EMAIL_VERIFICATION_LIFETIME_MS - 1,
    });
    const stale = createEmailVerificationToken({ userId: user.id, email: other.email });
    for (const bad of [`${forged}.${token.split(".")[1]}`, `${payload}.AAAA`, expired, stale, "", "a.b.c"]) {
      expect(await visit(`${ORIGIN}/api/verify-email?token=${encodeURIComponent(bad)}`)).toBe(
        `${ORIGIN}/sign-in?error=VerificationInvalid`,
      );
    }
    const users = await db.user.findMany({ where: { id: { in: [user.id, other.id] } } });
    expect(users.every((row) => row.emailVerifiedAt === null)).toBe(true);
  });
});
