// Invitations by email, end to end: the mail-enabled studio of playwright.config.ts (SMTP_URL
// pointing at E2E_SMTP_PORT) sends through a local SMTP sink this spec starts (smtp-server). While
// no sink listens, sending fails and the studio says so, with the link to share and the invitation
// kept; once it listens, the invitation is emailed (to, subject, link), and the emailed link,
// opened in a fresh browser, joins the invitee to the organization. Resend and revoke too.
import { expect, request, test } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { E2E_DEMO_PASSWORD, E2E_MAIL_ORIGIN, E2E_SMTP_PORT } from "../playwright.config";
import { newPerson, signIn, signUp } from "./fixtures";

type Captured = { to: string[]; raw: string };

const ORG = "acme";

test.use({ baseURL: E2E_MAIL_ORIGIN });

// The mail-enabled studio is not warmed by global-setup.ts (which warms the main one): its first
// sign-in loads the auth modules and hashes a password, which on a busy machine outlasts a 10 s
// expectation. Done once here, with global-setup's patience.
test.beforeAll(async () => {
  const context = await request.newContext({ baseURL: E2E_MAIL_ORIGIN });
  try {
    for (const path of ["/sign-in", "/sign-up"]) expect((await context.get(path, { timeout: 120_000 })).ok()).toBe(true);
    const { csrfToken } = (await (await context.get("/api/auth/csrf", { timeout: 120_000 })).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "demo@atelier.local", password: E2E_DEMO_PASSWORD, json: "true" },
      timeout: 120_000,
    });
    expect((await context.get(`/orgs/${ORG}/settings/members`, { timeout: 120_000 })).ok()).toBe(true);
  } finally {
    await context.dispose();
  }
});

/** The message as text: quoted-printable soft breaks joined and =XX decoded. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function startSink(inbox: Captured[]): Promise<SMTPServer> {
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: decoded(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    sink.server.once("error", reject);
    sink.listen(E2E_SMTP_PORT, "127.0.0.1", () => resolve(sink));
  });
}

test("an invitation is emailed through SMTP, and its emailed link joins the invitee; resend and revoke", async ({ page, browser }) => {
  const inbox: Captured[] = [];
  const mailTo = async (address: string) => {
    await expect.poll(() => inbox.filter((message) => message.to.includes(address)).length).toBeGreaterThan(0);
    return inbox.filter((message) => message.to.includes(address)).at(-1)!;
  };
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
  await page.goto(`/orgs/${ORG}/settings/members`);
  const invite = async (email: string) => {
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role", { exact: true }).selectOption("EDITOR");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    return dialog;
  };

  // No mail server listening yet: the studio says the email could not be sent, gives the link,
  // and keeps the invitation.
  const unlucky = newPerson("Unlucky");
  const failed = await invite(unlucky.email);
  await expect(failed.getByRole("heading", { name: "Invitation created" })).toBeVisible();
  await expect(failed).toContainText("The email could not be sent");
  await expect(failed).toContainText("share the link yourself, or resend later");
  const unluckyLink = await failed.getByLabel("Invitation link").inputValue();
  await failed.getByRole("button", { name: "Done" }).click();
  const unluckyRow = page.getByRole("listitem", { name: unlucky.email });
  await expect(unluckyRow).toContainText("Expires");

  const sink = await startSink(inbox);
  try {
    // Resend, now that mail flows: the same link arrives by email.
    await unluckyRow.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByText(`Invitation emailed again to ${unlucky.email}`)).toBeVisible();
    expect((await mailTo(unlucky.email)).raw).toContain(unluckyLink);

    // A new invitation is emailed: to the invitee, naming the inviter and the organization, with the link.
    const teammate = newPerson("Teammate");
    const sent = await invite(teammate.email);
    await expect(sent.getByRole("heading", { name: "Invitation sent" })).toBeVisible();
    await expect(sent).toContainText(`Invitation emailed to ${teammate.email}`);
    const shownLink = await sent.getByLabel("Invitation link").inputValue();
    await sent.getByRole("button", { name: "Done" }).click();
    const email = await mailTo(teammate.email);
    expect(email.raw).toMatch(/^Subject: .* invited you to .* on Atelier\s*$/m);
    const emailedLink = email.raw.match(new RegExp(`${E2E_MAIL_ORIGIN}/invitations/atl_inv_[A-Za-z0-9_-]+`))?.[0];
    expect(emailedLink).toBe(shownLink);

    // The invitee opens the emailed link in their own browser, creates an account and accepts.
    const context = await browser.newContext({ baseURL: E2E_MAIL_ORIGIN });
    try {
      const invitee = await context.newPage();
      await invitee.goto(emailedLink!);
      await invitee.getByRole("link", { name: /sign up|create an account/i }).click();
      await signUp(invitee, teammate);
      await invitee.getByRole("button", { name: "Accept invitation" }).click();
      await expect(invitee).toHaveURL(new RegExp(`/orgs/${ORG}`));
    } finally {
      await context.close();
    }

    // The owner sees them as a member with the invited role, and no longer as pending.
    await page.reload();
    await expect(page.getByLabel(`Role for ${teammate.email}`)).toHaveValue("EDITOR");
    await expect(page.getByRole("listitem", { name: teammate.email })).toHaveCount(0);

    // Revoking the other invitation ends its link.
    await unluckyRow.getByRole("button", { name: "Revoke" }).click();
    await page
      .getByRole("dialog", { name: `Revoke the invitation for ${unlucky.email}?` })
      .getByRole("button", { name: "Revoke invitation" })
      .click();
    await expect(unluckyRow).toHaveCount(0);
    const revoked = await browser.newContext({ baseURL: E2E_MAIL_ORIGIN });
    try {
      const visitor = await revoked.newPage();
      await visitor.goto(unluckyLink);
      await expect(visitor.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
    } finally {
      await revoked.close();
    }
  } finally {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
});
