import { z } from "zod";
import type { OrganizationAccess, ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { nameSchema, pageArgs, slugSchema, toPage, type Pagination } from "@/lib/validation/common";

export const createProjectSchema = z.object({ slug: slugSchema, name: nameSchema, instructions: z.string().max(20_000).optional() });
export const updateProjectSchema = z
  .object({
    name: nameSchema,
    instructions: z.string().max(20_000, "must be at most 20,000 characters"),
    /** User ids of the project owners (replaces the current set). */
    owners: z.array(z.string()).max(100),
  })
  .partial();

const projectInclude = {
  owners: { select: { membership: { select: { user: { select: { id: true, email: true, name: true } } } } } },
  productionPackage: { select: { version: true } },
} as const;

type ProjectRow = Awaited<ReturnType<typeof db.project.findFirstOrThrow<{ include: typeof projectInclude }>>>;

function present(project: ProjectRow) {
  const { owners, productionPackage, productionPackageId: _productionPackageId, ...rest } = project;
  return {
    ...rest,
    visibility: rest.visibility.toLowerCase(),
    owners: owners.map((owner) => owner.membership.user),
    /** The version the production endpoint serves; null before the first publish. */
    productionVersion: productionPackage?.version ?? null,
  };
}

export async function listProjects(options: { access: OrganizationAccess; page: Pagination }) {
  const rows = await db.project.findMany({
    where: { organizationId: options.access.organization.id },
    include: projectInclude,
    orderBy: { id: "asc" },
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  return { ...page, data: page.data.map(present) };
}

export async function getProject(options: { access: ProjectAccess }) {
  return present(await db.project.findUniqueOrThrow({ where: { id: options.access.project.id }, include: projectInclude }));
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
  return present(project);
}

/** Updates name, Instructions and project owners; each needs its own permission. */
export async function updateProject(options: { access: ProjectAccess; actor: Actor; input: z.input<typeof updateProjectSchema> }) {
  const input = updateProjectSchema.parse(options.input);
  const { project, membership, isProjectOwner, organization } = options.access;
  const principal = { role: membership.role, isProjectOwner };
  if (input.name !== undefined && !can(principal, "project.settings")) throw forbidden("You cannot rename this project");
  if (input.instructions !== undefined && !can(principal, "project.edit")) throw forbidden("You cannot edit the Instructions");
  if (input.owners !== undefined && !can(principal, "project.owners")) throw forbidden("Only Owners and Admins assign project owners");

  const updated = await db.$transaction(async (tx) => {
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
  return present(updated);
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
