import "server-only";
import { z } from "zod";
import type { OrganizationAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { endUserSessions } from "@/lib/auth/sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAssignRole } from "@/lib/permissions";
import { pageArgs, roleSchema, toPage, type Pagination } from "@/lib/validation/common";

export const updateMemberSchema = z.object({ role: roleSchema });

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true } },
  projectOwners: { select: { project: { select: { slug: true, name: true } } } },
} as const;

export function presentMember(member: {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; email: string; name: string };
  projectOwners: { project: { slug: string; name: string } }[];
}) {
  const { projectOwners, ...rest } = member;
  return { ...rest, userId: member.user.id, ownedProjects: projectOwners.map((owner) => owner.project) };
}

export async function listMembers(options: { access: OrganizationAccess; page: Pagination }) {
  const rows = await db.membership.findMany({
    where: { organizationId: options.access.organization.id },
    select: memberSelect,
    orderBy: { id: "asc" },
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  return { ...page, data: page.data.map(presentMember) };
}

async function getMemberOrThrow(tx: Tx, organizationId: string, userId: string) {
  const member = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    include: { user: { select: { email: true } } },
  });
  if (!member) throw notFound("Member");
  return member;
}

async function assertOwnerRemains(tx: Tx, organizationId: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners === 0) throw new AppError("conflict", "An organization must keep at least one Owner");
}

export async function updateMemberRole(options: { access: OrganizationAccess; actor: Actor; userId: string; role: Role }) {
  const organizationId = options.access.organization.id;
  return db.$transaction(async (tx) => {
    const member = await getMemberOrThrow(tx, organizationId, options.userId);
    if (!canAssignRole(options.access.membership.role, member.role, options.role)) {
      throw forbidden("Only an Owner can grant or remove the Owner role");
    }
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: options.role }, select: memberSelect });
    await assertOwnerRemains(tx, organizationId);
    await recordAuditEvent(tx, {
      organizationId,
      actor: options.actor,
      action: "member.role_change",
      target: { type: "member", id: options.userId, label: member.user.email },
      oldValue: { role: member.role },
      newValue: { role: options.role },
    });
    return presentMember(updated);
  });
}

/**
 * Removes a member (an admin removing someone, or anyone leaving). Their project-owner assignments
 * go too; removal from their last organization ends their sessions.
 */
export async function removeMember(options: { access: OrganizationAccess; actor: Actor; userId: string }) {
  const organizationId = options.access.organization.id;
  await db.$transaction(async (tx) => {
    const member = await getMemberOrThrow(tx, organizationId, options.userId);
    const leaving = options.userId === options.actor.userId;
    if (!leaving && !canAssignRole(options.access.membership.role, member.role, "VIEWER")) {
      throw forbidden(member.role === "OWNER" ? "Only an Owner can remove an Owner" : undefined);
    }
    await tx.membership.delete({ where: { id: member.id } });
    await assertOwnerRemains(tx, organizationId);
    await recordAuditEvent(tx, {
      organizationId,
      actor: options.actor,
      action: leaving ? "member.leave" : "member.remove",
      target: { type: "member", id: options.userId, label: member.user.email },
      oldValue: { role: member.role },
    });
  });
  // Out of their last organization, the user has nothing left to work on: their sessions end
  // (someone leaving keeps the session they left with, to see the studio's empty state).
  if ((await db.membership.count({ where: { userId: options.userId } })) === 0) {
    const leaving = options.userId === options.actor.userId;
    await endUserSessions({ userId: options.userId, except: leaving ? options.actor.sessionId : undefined });
  }
}
