// Invitations: an admin invites an email with a role; with SMTP configured (lib/mail) the link is
// emailed, and it is always shown to share by hand. A signed-in user with that email opens the link
// and joins. The link's token is looked up by its hash; it is also kept encrypted, so a pending
// invitation's link can be copied again. Pending invitations can be resent (a fresh expiry) or revoked.
import "server-only";
import { z } from "zod";
import type { OrganizationAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAssignRole } from "@/lib/permissions";
import { generateToken, hashToken } from "@/lib/tokens/secret-token";
import { invitationEmail } from "@/lib/mail/invitation-email";
import { getMailer, type Mailer } from "@/lib/mail/mailer";
import { emailSchema, roleSchema } from "@/lib/validation/common";

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema.default("EDITOR") });
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(options: {
  access: OrganizationAccess;
  actor: Actor;
  origin: string;
  input: z.input<typeof createInvitationSchema>;
  /** Where the email goes; the instance's SMTP (SMTP_URL) unless given. */
  mailer?: Mailer | null;
}) {
  const input = createInvitationSchema.parse(options.input);
  const organization = options.access.organization;
  if (!canAssignRole(options.access.membership.role, null, input.role)) throw forbidden("Only an Owner can invite an Owner");
  const alreadyMember = await db.membership.findFirst({ where: { organizationId: organization.id, user: { email: input.email } } });
  if (alreadyMember) throw conflict(`${input.email} is already a member of ${organization.name}`);

  const { token, hash } = generateToken("inv");
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        organizationId: organization.id,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        linkCiphertext: sealToken(token, hash),
        invitedById: options.actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "member.invite",
      target: { type: "invitation", id: created.id, label: input.email },
      newValue: { email: input.email, role: input.role },
    });
    return created;
  });
  const link = invitationLink(options.origin, token);
  const email = await emailInvitation({
    invitation,
    organizationName: organization.name,
    actor: options.actor,
    link,
    mailer: options.mailer,
  });
  return { ...invitation, link, delivery: email };
}

/** Pending invitations, expired ones included (shown as such, to resend or revoke). */
export async function listInvitations(options: { access: OrganizationAccess }) {
  return db.invitation.findMany({
    where: { organizationId: options.access.organization.id, acceptedAt: null },
    orderBy: { createdAt: "desc" },
  });
}

const invitationLink = (origin: string, token: string) => `${origin}/invitations/${token}`;
const linkAssociatedData = (tokenHash: string) => `invitation-link:${tokenHash}`;
const sealToken = (token: string, tokenHash: string) => encryptSecret(token, env().encryptionKey, linkAssociatedData(tokenHash));

export type InvitationEmailOutcome = { sent: true } | { sent: false; reason: "not_configured" | "failed"; message: string };

async function emailInvitation(options: {
  invitation: { email: string; role: Role; expiresAt: Date };
  organizationName: string;
  actor: Actor;
  link: string;
  mailer?: Mailer | null;
}): Promise<InvitationEmailOutcome> {
  const mailer = options.mailer === undefined ? getMailer() : options.mailer;
  if (!mailer)
    return {
      sent: false,
      reason: "not_configured",
      message: "Email is not configured on this server (SMTP_URL): share the link yourself.",
    };
  const email = invitationEmail({
    to: options.invitation.email,
    organizationName: options.organizationName,
    inviterName: options.actor.name || options.actor.email,
    role: options.invitation.role,
    link: options.link,
    expiresAt: options.invitation.expiresAt,
  });
  try {
    await mailer.send(email);
    return { sent: true };
  } catch (error) {
    // The invitation exists either way; the admin can copy the link or resend.
    console.error(`[mail] could not send an invitation email: ${error instanceof Error ? error.message : String(error)}`);
    return {
      sent: false,
      reason: "failed",
      message: "The email could not be sent (the mail server refused or could not be reached): share the link yourself, or resend later.",
    };
  }
}

async function getPendingInvitationOrThrow(tx: Tx | typeof db, organizationId: string, id: string) {
  const invitation = await tx.invitation.findFirst({
    where: { id, organizationId, acceptedAt: null },
    omit: { tokenHash: false, linkCiphertext: false },
  });
  if (!invitation) throw notFound("Invitation");
  return invitation;
}

/** A pending invitation's link, to copy. Invitations made before links were kept have none: resending gives them one. */
export async function getInvitationLink(options: { access: OrganizationAccess; origin: string; id: string }) {
  const invitation = await getPendingInvitationOrThrow(db, options.access.organization.id, options.id);
  if (!invitation.linkCiphertext) throw conflict("This invitation's link can't be shown again: resend the invitation to get a new link.");
  const token = decryptSecret(invitation.linkCiphertext, env().encryptionKey, linkAssociatedData(invitation.tokenHash));
  return { link: invitationLink(options.origin, token) };
}

/** Sends the invitation again with a fresh expiry (the link stays the same). */
export async function resendInvitation(options: {
  access: OrganizationAccess;
  actor: Actor;
  origin: string;
  id: string;
  mailer?: Mailer | null;
}) {
  const organization = options.access.organization;
  const { invitation, token } = await db.$transaction(async (tx) => {
    const pending = await getPendingInvitationOrThrow(tx, organization.id, options.id);
    if (!canAssignRole(options.access.membership.role, null, pending.role)) throw forbidden("Only an Owner can invite an Owner");
    const fresh = pending.linkCiphertext ? null : generateToken("inv");
    const updated = await tx.invitation.update({
      where: { id: pending.id },
      data: {
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        ...(fresh ? { tokenHash: fresh.hash, linkCiphertext: sealToken(fresh.token, fresh.hash) } : {}),
      },
    });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "member.invite_resend",
      target: { type: "invitation", id: pending.id, label: pending.email },
      newValue: { role: pending.role, expiresAt: updated.expiresAt.toISOString() },
    });
    const token = fresh?.token ?? decryptSecret(pending.linkCiphertext!, env().encryptionKey, linkAssociatedData(pending.tokenHash));
    return { invitation: updated, token };
  });
  const link = invitationLink(options.origin, token);
  const email = await emailInvitation({
    invitation,
    organizationName: organization.name,
    actor: options.actor,
    link,
    mailer: options.mailer,
  });
  return { ...invitation, link, delivery: email };
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(options: { access: OrganizationAccess; actor: Actor; id: string }) {
  const organizationId = options.access.organization.id;
  await db.$transaction(async (tx) => {
    const pending = await getPendingInvitationOrThrow(tx, organizationId, options.id);
    if (!canAssignRole(options.access.membership.role, null, pending.role))
      throw forbidden("Only an Owner can revoke an invitation to be Owner");
    await tx.invitation.delete({ where: { id: pending.id } });
    await recordAuditEvent(tx, {
      organizationId,
      actor: options.actor,
      action: "member.invite_revoke",
      target: { type: "invitation", id: pending.id, label: pending.email },
      oldValue: { email: pending.email, role: pending.role },
    });
  });
}

/** What the invitation page shows before accepting; no actor needed to read it. */
export async function getInvitationByToken(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: { select: { slug: true, name: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  return invitation;
}

export async function acceptInvitation(options: { actor: Actor; token: string }) {
  const invitation = await getInvitationByToken(options.token);
  if (invitation.acceptedAt) throw new AppError("conflict", "This invitation has already been used");
  if (invitation.expiresAt < new Date()) throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
  if (invitation.email !== options.actor.email.toLowerCase()) {
    throw forbidden(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("conflict", "This invitation has already been used");
    const membership = await tx.membership.upsert({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId: options.actor.userId } },
      update: {},
      create: { organizationId: invitation.organizationId, userId: options.actor.userId, role: invitation.role },
    });
    await recordAuditEvent(tx, {
      organizationId: invitation.organizationId,
      actor: options.actor,
      action: "member.join",
      target: { type: "member", id: options.actor.userId, label: options.actor.email },
      newValue: { role: membership.role },
    });
    return { organization: invitation.organization, role: membership.role };
  });
}
