import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { nameSchema, pageArgs, slugSchema, toPage, type Pagination } from "@/lib/validation/common";

export const createOrganizationSchema = z.object({ slug: slugSchema, name: nameSchema });

/** Organizations the actor belongs to, with the actor's role in each. */
export async function listOrganizations(options: { actor: Pick<Actor, "userId">; page: Pagination }) {
  const rows = await db.organization.findMany({
    where: { memberships: { some: { userId: options.actor.userId } } },
    include: { memberships: { where: { userId: options.actor.userId }, select: { role: true } } },
    orderBy: { id: "asc" },
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  return { ...page, data: page.data.map(({ memberships, ...organization }) => ({ ...organization, role: memberships[0].role })) };
}

/** Creates an organization; its creator becomes Owner. */
export async function createOrganization(options: { actor: Actor; input: z.infer<typeof createOrganizationSchema> }) {
  const input = createOrganizationSchema.parse(options.input);
  const taken = await db.organization.findUnique({ where: { slug: input.slug } });
  if (taken) throw conflict(`The organization slug "${input.slug}" is already taken`);
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { slug: input.slug, name: input.name } });
    await tx.membership.create({ data: { organizationId: organization.id, userId: options.actor.userId, role: "OWNER" } });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "organization.create",
      target: { type: "organization", id: organization.id, label: organization.slug },
      newValue: { slug: organization.slug, name: organization.name },
    });
    return { ...organization, role: "OWNER" as const };
  });
}
