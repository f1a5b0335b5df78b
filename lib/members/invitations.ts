// Invitations: an admin invites an email with a role and gets a link; a signed-in
// user with that email opens the link and joins. The link's token is stored hashed.
import { z } from "zod";
import type { OrganizationAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { canAssignRole } from "@/lib/permissions";
import { generateToken, hashToken } from "@/lib/tokens/secret-token";
import { emailSchema, roleSchema } from "@/lib/validation/common";

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema.default("EDITOR") });
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(options: {
  access: OrganizationAccess;
  actor: Actor;
  origin: string;
  input: z.input<typeof createInvitationSchema>;
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
  return { ...invitation, link: `${options.origin}/invitations/${token}` };
}

export async function listInvitations(options: { access: OrganizationAccess }) {
  return db.invitation.findMany({
    where: { organizationId: options.access.organization.id, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
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
