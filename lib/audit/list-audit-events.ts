// Reading the organization audit log: one filter schema for the page, the API and the exports,
// newest first, with cursor pagination (a cursor is an event id; the filters still scope it).
import "server-only";
import { z } from "zod";
import type { OrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, paginationSchema, slugSchema, toPage, type Pagination } from "@/lib/validation/common";

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or date-time, like 2026-11-21T09:30:00Z" })
  .transform((value) => new Date(value));

const auditFilterFields = z.object({
  /** A user id (everything that user did, in the studio or with any of their API tokens) or an API token id. */
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** A project slug: events about the project and about what is inside it (tokens, secrets, grants). */
  project: slugSchema.optional(),
  /** Inclusive bounds on the event time. A date without a time means that day's midnight UTC. */
  from: instant.optional(),
  to: instant.optional(),
});

const fromNotAfterTo = (filters: { from?: Date; to?: Date }) => !filters.from || !filters.to || filters.from <= filters.to;
const rangeError = { message: "must not be after to", path: ["from"] };

export const auditFiltersSchema = auditFilterFields.refine(fromNotAfterTo, rangeError);

/** GET …/audit-log: the filters, a page (JSON) or an export format (whole result, streamed). */
export const auditLogQuerySchema = auditFilterFields
  .extend(paginationSchema.shape)
  .extend({ format: z.enum(["json", "csv", "jsonl"], { error: 'must be "json", "csv" or "jsonl"' }).default("json") })
  .refine(fromNotAfterTo, rangeError);

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const auditEventSelect = {
  id: true,
  createdAt: true,
  action: true,
  actorUserId: true,
  actorTokenId: true,
  actorLabel: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  oldValue: true,
  newValue: true,
  ip: true,
  userAgent: true,
} as const satisfies Prisma.AuditEventSelect;

export type AuditEventItem = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/**
 * The audit log has no project column: an event belongs to a project when its target is the
 * project (by slug, so a deleted project's events still match), something inside it labelled
 * "{project}/…" (production tokens, secrets), or a row of the project found by id (OAuth grants).
 */
async function projectScope(organizationId: string, slug: string): Promise<Prisma.AuditEventWhereInput> {
  const project = await db.project.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: { id: true } });
  const insideIds = project
    ? [
        project.id,
        ...(await db.oAuthGrant.findMany({ where: { projectId: project.id }, select: { id: true } })).map((grant) => grant.id),
        ...(await db.productionToken.findMany({ where: { projectId: project.id }, select: { id: true } })).map((token) => token.id),
      ]
    : [];
  return {
    OR: [
      { targetType: "project", targetLabel: slug },
      { targetLabel: { startsWith: `${slug}/` } },
      ...(insideIds.length ? [{ targetId: { in: insideIds } }] : []),
    ],
  };
}

async function whereOf(organizationId: string, filters: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  return {
    organizationId,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { createdAt: { gte: filters.from, lte: filters.to } } : {}),
    AND: [
      filters.actor ? { OR: [{ actorUserId: filters.actor }, { actorTokenId: filters.actor }] } : {},
      filters.project ? await projectScope(organizationId, filters.project) : {},
    ],
  };
}

const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditEventOrderByWithRelationInput[];

export async function listAuditEvents(options: { access: OrganizationAccess; filters: AuditFilters; page: Pagination }) {
  const rows = await db.auditEvent.findMany({
    where: await whereOf(options.access.organization.id, options.filters),
    select: auditEventSelect,
    orderBy: newestFirst,
    ...pageArgs(options.page),
  });
  return toPage(rows, options.page);
}

export const EXPORT_BATCH_SIZE = 5_000;

/**
 * Every matching event, newest first, a batch (one keyset page) at a time so a big log never sits
 * in memory at once; the exports write each batch as one chunk.
 */
export async function* iterateAuditEventBatches(options: { access: OrganizationAccess; filters: AuditFilters; batchSize?: number }) {
  const where = await whereOf(options.access.organization.id, options.filters);
  const limit = options.batchSize ?? EXPORT_BATCH_SIZE;
  let cursor: string | undefined;
  do {
    const page = toPage(
      await db.auditEvent.findMany({ where, select: auditEventSelect, orderBy: newestFirst, ...pageArgs({ limit, cursor }) }),
      { limit, cursor },
    );
    if (page.data.length) yield page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** What the filter selects offer: everyone and everything that appears in this organization's log. */
export async function listAuditFilterOptions(options: { access: OrganizationAccess }) {
  const organizationId = options.access.organization.id;
  const [actors, actions] = await Promise.all([
    db.auditEvent.groupBy({
      by: ["actorUserId", "actorLabel"],
      where: { organizationId, actorUserId: { not: null } },
      orderBy: { actorLabel: "asc" },
    }),
    db.auditEvent.groupBy({ by: ["action"], where: { organizationId }, orderBy: { action: "asc" } }),
  ]);
  const byUser = new Map<string, string>();
  // A user shows once, by their studio label ("a@b.c") rather than their token label ("a@b.c (API token)").
  for (const { actorUserId, actorLabel } of actors) {
    if (!actorUserId) continue;
    const known = byUser.get(actorUserId);
    if (!known || actorLabel.length < known.length) byUser.set(actorUserId, actorLabel);
  }
  return {
    actors: [...byUser].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
    actions: actions.map((row) => row.action),
  };
}
