// The invitation email: who invites you, to which organization, with which role, the link and
// when it expires. Plain text first (what many mail clients show), with a simple HTML twin.
import type { Role } from "@/lib/generated/prisma/enums";
import type { Email } from "./mailer";

const ROLE_NAMES: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", EDITOR: "Editor", VIEWER: "Viewer" };

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

export function invitationEmail(options: {
  to: string;
  organizationName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): Email {
  const role = ROLE_NAMES[options.role];
  const expires = options.expiresAt.toUTCString();
  const subject = `${options.inviterName} invited you to ${options.organizationName} on Atelier`;
  const text = [
    `${options.inviterName} invited you to join ${options.organizationName} on Atelier as ${role}.`,
    "",
    `Accept the invitation: ${options.link}`,
    "",
    `Open the link signed in as ${options.to} (or create an account with that address). It expires on ${expires}.`,
    "If you did not expect this invitation, you can ignore this email.",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(options.inviterName)} invited you to join <strong>${escapeHtml(options.organizationName)}</strong> on Atelier as ${role}.</p>`,
    `<p><a href="${escapeHtml(options.link)}">Accept the invitation</a></p>`,
    `<p>Open the link signed in as ${escapeHtml(options.to)} (or create an account with that address). It expires on ${escapeHtml(expires)}.</p>`,
    "<p>If you did not expect this invitation, you can ignore this email.</p>",
  ].join("\n");
  return { to: options.to, subject, text, html };
}
