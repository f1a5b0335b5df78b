// Projects: list, read, create, update (name, Instructions, owners, visibility, rate limits) and
// delete. Shapes in project-schemas.ts, presentation in present-project.ts.
import "server-only";
import type { z } from "zod";
import type { OrganizationAccess, ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { pageArgs, toPage, type Pagination } from "@/lib/validation/common";
import { presentProject, projectInclude } from "./present-project";
import type { ProjectRateLimits } from "@/lib/rate-limit/limits";
import { createProjectSchema, type ProjectVisibility, RATE_LIMIT_NAMES, toVisibilityColumn, updateProjectSchema } from "./project-schemas";

export async function listProjects(options: { access: OrganizationAccess; page: Pagination }) {
  const rows = await db.project.findMany({
    where: { organizationId: options.access.organization.id },
    include: projectInclude,
    orderBy: { id: "asc" },
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  return { ...page, data: page.data.map(presentProject) };
}

export async function getProject(options: { access: ProjectAccess }) {
  return presentProject(await db.project.findUniqueOrThrow({ where: { id: options.access.project.id }, include: projectInclude }));
}

export async function createProject(options: { access: OrganizationAccess; actor: Actor; input: z.input<typeof createProjectSchema> }) {
  const input = createProjectSchema.parse(options.input);
  const organizationId = options.access.organization.id;
  const taken = await db.project.findUnique({ where: { organizationId_slug: { organizationId, slug: input.slug } } });
  if (taken) throw conflict(`A project with the slug "${input.slug}" already exists in this organization`);
  const project = await db.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { organizationId, ...input }, include: projectInclude });
    await recordAuditEvent(tx, {
      organizationId,
      actor: options.actor,
      action: "project.create",
      target: { type: "project", id: created.id, label: created.slug },
      newValue: { slug: created.slug, name: created.name },
    });
    return created;
  });
  return presentProject(project);
}

type ChangeOptions<T> = { access: ProjectAccess; actor: Actor; value: T };

/**
 * One conditional UPDATE: it changes the row only when the value differs, and the row lock it
 * takes makes "did it change?" exact even against a concurrent kill switch. Unchanged → no event.
 */
async function changeVisibility(tx: Tx, { access, actor, value }: ChangeOptions<ProjectVisibility>) {
  const { project, organization } = access;
  const column = toVisibilityColumn(value);
  const { count } = await tx.project.updateMany({ where: { id: project.id, visibility: { not: column } }, data: { visibility: column } });
  if (count === 0) return;
  await recordAuditEvent(tx, {
    organizationId: organization.id,
    actor,
    action: "project.visibility",
    target: { type: "project", id: project.id, label: project.slug },
    oldValue: { visibility: value === "public" ? "private" : "public" },
    newValue: { visibility: value },
  });
}

/** Writes the rate limits that differ from the current ones; the event holds exactly those, old → new. */
async function changeRateLimits(tx: Tx, { access, actor, value }: ChangeOptions<Partial<ProjectRateLimits>>) {
  const { project, organization } = access;
  const current = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
  const changed = RATE_LIMIT_NAMES.filter((name) => value[name] !== undefined && value[name] !== current[name]);
  if (changed.length === 0) return;
  const pick = (source: Partial<ProjectRateLimits>) => Object.fromEntries(changed.map((name) => [name, source[name]]));
  await tx.project.update({ where: { id: project.id }, data: pick(value) });
  await recordAuditEvent(tx, {
    organizationId: organization.id,
    actor,
    action: "project.rate_limits",
    target: { type: "project", id: project.id, label: project.slug },
    oldValue: pick(current),
    newValue: pick(value),
  });
}

/**
 * Updates name, Instructions, project owners, visibility and rate limits; each needs its own
 * permission, all checked before anything is written. One transaction, audit events included.
 */
export async function updateProject(options: { access: ProjectAccess; actor: Actor; input: z.input<typeof updateProjectSchema> }) {
  const input = updateProjectSchema.parse(options.input);
  const { project, membership, isProjectOwner, organization } = options.access;
  const principal = { role: membership.role, isProjectOwner };
  if (input.name !== undefined && !can(principal, "project.settings")) throw forbidden("You cannot rename this project");
  if (input.instructions !== undefined && !can(principal, "project.edit")) throw forbidden("You cannot edit the Instructions");
  if (input.owners !== undefined && !can(principal, "project.owners")) throw forbidden("Only Owners and Admins assign project owners");
  if (input.visibility !== undefined && !can(principal, "project.visibility")) {
    throw forbidden("Only Owners, Admins and project owners can change the visibility");
  }
  if (input.rateLimits !== undefined && !can(principal, "project.settings")) {
    throw forbidden("Only Owners, Admins and project owners can change the rate limits");
  }

  const updated = await db.$transaction(async (tx) => {
    if (input.visibility !== undefined)
      await changeVisibility(tx, { access: options.access, actor: options.actor, value: input.visibility });
    if (input.rateLimits !== undefined)
      await changeRateLimits(tx, { access: options.access, actor: options.actor, value: input.rateLimits });
    if (input.owners !== undefined) {
      const memberships = await tx.membership.findMany({ where: { organizationId: organization.id, userId: { in: input.owners } } });
      if (memberships.length !== new Set(input.owners).size) {
        throw new AppError("validation_failed", "owners: every project owner must be a member of the organization");
      }
      await tx.projectOwner.deleteMany({ where: { projectId: project.id } });
      await tx.projectOwner.createMany({ data: memberships.map((m) => ({ projectId: project.id, membershipId: m.id })) });
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor: options.actor,
        action: "project.owners_change",
        target: { type: "project", id: project.id, label: project.slug },
        newValue: { owners: input.owners },
      });
    }
    if (input.name !== undefined && input.name !== project.name) {
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor: options.actor,
        action: "project.rename",
        target: { type: "project", id: project.id, label: project.slug },
        oldValue: { name: project.name },
        newValue: { name: input.name },
      });
    }
    const draftChanged = input.name !== undefined || input.instructions !== undefined;
    return tx.project.update({
      where: { id: project.id },
      // Name and Instructions are part of what the draft endpoint serves (serverInfo, instructions).
      data: { name: input.name, instructions: input.instructions, ...(draftChanged ? { draftRevision: { increment: 1 } } : {}) },
      include: projectInclude,
    });
  });
  return presentProject(updated);
}

export async function deleteProject(options: { access: ProjectAccess; actor: Actor }) {
  const { project, organization } = options.access;
  await db.$transaction(async (tx) => {
    await tx.project.delete({ where: { id: project.id } });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "project.delete",
      target: { type: "project", id: project.id, label: project.slug },
      oldValue: { slug: project.slug, name: project.name },
    });
  });
}
