// Invitations by email, captured by a real SMTP server (smtp-server) listening on 127.0.0.1:0 and
// sent by the real mailer (nodemailer); and the pending-invitation actions (copy link, resend,
// revoke) through the real route handlers, with roles and organizations enforced.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/app/v1/invitations/[token]/accept/route";
import * as linkRoute from "@/app/app/v1/organizations/[org]/invitations/[id]/link/route";
import * as resendRoute from "@/app/app/v1/organizations/[org]/invitations/[id]/resend/route";
import * as invitationRoute from "@/app/app/v1/organizations/[org]/invitations/[id]/route";
import * as invitationsRoute from "@/app/app/v1/organizations/[org]/invitations/route";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { createMailer } from "@/lib/mail/mailer";
import { createInvitation } from "@/lib/members/invitations";
import { asSession, call, createOrgWithMembers, createTestUser, type OrgFixture } from "./helpers";

type Captured = { from: string; to: string[]; raw: string };
type InvitationBody = {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
  link: string;
  delivery: { sent: boolean; reason?: string };
};

let sink: SMTPServer;
let smtpUrl: string;
const inbox: Captured[] = [];
let fixture: OrgFixture;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
  fixture = await createOrgWithMembers();
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink?.close(() => resolve()));
});

/** The message body as text: quoted-printable soft breaks joined and =XX decoded. */
const bodyOf = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const org = () => fixture.organization.slug;

async function inviteWithMail(
  email: string,
  role: "EDITOR" | "OWNER" = "EDITOR",
  mailer = createMailer({ smtpUrl, siteUrl: "https://atelier.example.test" }),
) {
  const access = await getOrganizationAccess({ actor: fixture.users.owner, orgSlug: org(), permission: "organization.members" });
  return createInvitation({ access, actor: fixture.users.owner, origin: "http://localhost:3000", input: { email, role }, mailer });
}

describe("invitation email", () => {
  it("is sent to the invitee through SMTP with the organization, the role, the link and the expiry", async () => {
    const before = inbox.length;
    const invitation = await inviteWithMail("newcomer@example.test");
    expect(invitation.delivery).toEqual({ sent: true });
    expect(inbox).toHaveLength(before + 1);
    const message = inbox[before];
    expect(message.to).toEqual(["newcomer@example.test"]);
    expect(message.from).toBe("atelier@atelier.example.test");
    const body = bodyOf(message.raw);
    expect(body).toContain(`Subject: ${fixture.users.owner.name} invited you to Test Org on Atelier`);
    expect(body).toContain(`as Editor`);
    expect(body).toContain(`Accept the invitation: ${invitation.link}`);
    expect(body).toContain(invitation.expiresAt.toUTCString());
  });

  it("keeps the invitation and says so when the mail server can't be reached", async () => {
    const closed = new SMTPServer({ authOptional: true });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const invitation = await inviteWithMail("unlucky@example.test", "EDITOR", createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` }));
    expect(invitation.delivery).toMatchObject({ sent: false, reason: "failed" });
    expect(await db.invitation.count({ where: { id: invitation.id } })).toBe(1);
  });

  it("reports that nothing was sent when SMTP is not configured, and still returns the link", async () => {
    const response = await call<InvitationBody>(invitationsRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${org()}/invitations`,
      params: { org: org() },
      headers: await asSession(fixture.users.admin),
      body: { email: "by-hand@example.test", role: "VIEWER" },
    });
    expect(response.status).toBe(201);
    expect(response.body.delivery).toMatchObject({ sent: false, reason: "not_configured" });
    expect(response.body.link).toMatch(/\/invitations\/atl_inv_/);
  });
});

describe("pending invitations", () => {
  const target = (id: string) => ({ path: `/app/v1/organizations/${org()}/invitations/${id}`, params: { org: org(), id } });

  it("copies the same link again, resends with a fresh expiry, and revokes", async () => {
    const invitation = await inviteWithMail("pending@example.test");
    const headers = await asSession(fixture.users.admin);

    const link = await call<{ link: string }>(linkRoute.GET, { ...target(invitation.id), headers });
    expect(link.status).toBe(200);
    expect(link.body.link.replace("http://localhost:3000", "")).toBe(invitation.link.replace("http://localhost:3000", ""));
    expect(link.headers.get("cache-control")).toBe("no-store");

    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const listed = await call<{ data: Array<{ id: string }> }>(invitationsRoute.GET, {
      path: `/app/v1/organizations/${org()}/invitations`,
      params: { org: org() },
      headers,
    });
    expect(listed.body.data.map((row) => row.id)).toContain(invitation.id); // expired, still listed to resend or revoke
    expect(JSON.stringify(listed.body)).not.toMatch(/tokenHash|linkCiphertext/);

    const resent = await call<InvitationBody>(resendRoute.POST, {
      ...target(invitation.id),
      path: `${target(invitation.id).path}/resend`,
      method: "POST",
      headers,
    });
    expect(resent.status).toBe(200);
    expect(new Date(resent.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(resent.body.link).toBe(link.body.link);
    const resendAudit = await db.auditEvent.findFirst({
      where: { organizationId: fixture.organization.id, action: "member.invite_resend", targetId: invitation.id },
    });
    expect(resendAudit).not.toBeNull();

    const revoked = await call(invitationRoute.DELETE, { ...target(invitation.id), method: "DELETE", headers });
    expect(revoked.status).toBe(204);
    expect((await call(linkRoute.GET, { ...target(invitation.id), headers })).status).toBe(404);
    const invitee = await createTestUser({ email: "pending@example.test" });
    const token = invitation.link.split("/").pop() ?? "";
    const accepted = await call(acceptRoute.POST, {
      method: "POST",
      path: `/app/v1/invitations/${token}/accept`,
      params: { token },
      headers: await asSession(invitee),
    });
    expect(accepted.status).toBe(404);
    const revokeAudit = await db.auditEvent.findFirst({
      where: { organizationId: fixture.organization.id, action: "member.invite_revoke", targetId: invitation.id },
    });
    expect(revokeAudit?.oldValue).toEqual({ email: "pending@example.test", role: "EDITOR" });
  });

  it("refuses Editors (403), members of other organizations (404), and Admins on an Owner invitation (403)", async () => {
    const invitation = await inviteWithMail("guarded@example.test");
    expect(
      (await call(invitationRoute.DELETE, { ...target(invitation.id), method: "DELETE", headers: await asSession(fixture.users.editor) }))
        .status,
    ).toBe(403);
    const other = await createOrgWithMembers();
    const foreign = {
      path: `/app/v1/organizations/${other.organization.slug}/invitations/${invitation.id}`,
      params: { org: other.organization.slug, id: invitation.id },
    };
    expect((await call(invitationRoute.DELETE, { ...foreign, method: "DELETE", headers: await asSession(other.users.owner) })).status).toBe(
      404,
    );
    expect((await call(linkRoute.GET, { ...foreign, headers: await asSession(other.users.owner) })).status).toBe(404);

    const ownerInvitation = await inviteWithMail("next-owner@example.test", "OWNER");
    expect(
      (
        await call(invitationRoute.DELETE, {
          ...target(ownerInvitation.id),
          method: "DELETE",
          headers: await asSession(fixture.users.admin),
        })
      ).status,
    ).toBe(403);
    expect(await db.invitation.count({ where: { id: { in: [invitation.id, ownerInvitation.id] } } })).toBe(2);
  });
});
