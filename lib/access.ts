// Authorization as a scoped query. Every domain function loads organizations and
// projects through these helpers: a resource of an organization the actor does not
// belong to is a 404; a member lacking the permission gets a 403.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";

export async function getOrganizationAccess(options: { actor: Pick<Actor, "userId">; orgSlug: string; permission: Permission }) {
  const membership = await db.membership.findFirst({
    where: { userId: options.actor.userId, organization: { slug: options.orgSlug } },
    include: { organization: true },
  });
  if (!membership) throw notFound("Organization");
  if (!can({ role: membership.role }, options.permission)) throw forbidden();
  const { organization, ...member } = membership;
  return { organization, membership: member };
}

export async function getProjectAccess(options: {
  actor: Pick<Actor, "userId">;
  orgSlug: string;
  projectSlug: string;
  permission: Permission;
}) {
  const membership = await db.membership.findFirst({
    where: { userId: options.actor.userId, organization: { slug: options.orgSlug } },
    include: { organization: true },
  });
  if (!membership) throw notFound("Project");
  const project = await db.project.findUnique({
    where: { organizationId_slug: { organizationId: membership.organizationId, slug: options.projectSlug } },
    include: { owners: { where: { membershipId: membership.id }, select: { membershipId: true } } },
  });
  if (!project) throw notFound("Project");
  const { owners, ...projectFields } = project;
  const isProjectOwner = owners.length > 0;
  if (!can({ role: membership.role, isProjectOwner }, options.permission)) throw forbidden();
  const { organization, ...member } = membership;
  return { organization, membership: member, project: projectFields, isProjectOwner };
}

export type OrganizationAccess = Awaited<ReturnType<typeof getOrganizationAccess>>;
export type ProjectAccess = Awaited<ReturnType<typeof getProjectAccess>>;
