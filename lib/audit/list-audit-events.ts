// Reading the organization audit log: one filter schema for the page, the API and the exports,
// newest first, with cursor pagination (a cursor is an event id; the filters still scope it).
import "server-only";
import { z } from "zod";
import type { OrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
async function projectTargetIds(organizationId: string, slug: string): Promise<string[]> {
  const project = await db.project.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: { id: true } });
  return project
    ? [
        project.id,
        ...(await db.oAuthGrant.findMany({ where: { projectId: project.id }, select: { id: true } })).map((grant) => grant.id),
        ...(await db.productionToken.findMany({ where: { projectId: project.id }, select: { id: true } })).map((token) => token.id),
      ]
    : [];
}

async function projectScope(organizationId: string, slug: string): Promise<Prisma.AuditEventWhereInput> {
  const insideIds = await projectTargetIds(organizationId, slug);
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

const utc = (date: Date) => Prisma.sql`CAST(${date.toISOString()} AS timestamp(3))`;

/** The same selection as whereOf, as SQL (the exports read the table directly; see below). */
async function sqlWhereOf(organizationId: string, filters: AuditFilters): Promise<Prisma.Sql> {
  const conditions = [Prisma.sql`"organizationId" = ${organizationId}`];
  if (filters.action) conditions.push(Prisma.sql`"action" = ${filters.action}`);
  if (filters.from) conditions.push(Prisma.sql`"createdAt" >= ${utc(filters.from)}`);
  if (filters.to) conditions.push(Prisma.sql`"createdAt" <= ${utc(filters.to)}`);
  if (filters.actor) conditions.push(Prisma.sql`("actorUserId" = ${filters.actor} OR "actorTokenId" = ${filters.actor})`);
  if (filters.project) {
    const insideIds = await projectTargetIds(organizationId, filters.project);
    // A slug is lowercase letters, digits and hyphens (slugSchema): nothing LIKE would read as a wildcard.
    const scope = [
      Prisma.sql`("targetType" = 'project' AND "targetLabel" = ${filters.project})`,
      Prisma.sql`"targetLabel" LIKE ${`${filters.project}/%`}`,
      ...(insideIds.length ? [Prisma.sql`"targetId" IN (${Prisma.join(insideIds)})`] : []),
    ];
    conditions.push(Prisma.sql`(${Prisma.join(scope, " OR ")})`);
  }
  return Prisma.join(conditions, " AND ");
}

type AuditEventJson = Omit<AuditEventItem, "createdAt"> & { createdAt: string };

/**
 * Every matching event, newest first, a batch (one keyset page on createdAt, id) at a time so a
 * big log never sits in memory at once; the exports write each batch as one chunk. Each row comes
 * back as one JSON text built by the database (row_to_json) rather than thirteen typed columns:
 * decoding typed columns was most of an export's time. The events are exactly what
 * listAuditEvents returns (same fields in the same order, JSON values parsed the same way).
 */
export async function* iterateAuditEventBatches(options: { access: OrganizationAccess; filters: AuditFilters; batchSize?: number }) {
  const where = await sqlWhereOf(options.access.organization.id, options.filters);
  const limit = options.batchSize ?? EXPORT_BATCH_SIZE;
  let after: { createdAt: string; id: string } | null = null;
  do {
    const keyset: Prisma.Sql = after
      ? Prisma.sql` AND ("createdAt", "id") < (CAST(${after.createdAt} AS timestamp(3)), ${after.id})`
      : Prisma.empty;
    const rows = await db.$queryRaw<{ event: string }[]>`
      SELECT row_to_json(page)::text AS "event" FROM (
        SELECT "id", "createdAt", "action", "actorUserId", "actorTokenId", "actorLabel", "targetType", "targetId",
               "targetLabel", "oldValue", "newValue", "ip", "userAgent"
        FROM "AuditEvent" WHERE ${where}${keyset}
        ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}
      ) AS page`;
    const batch: AuditEventItem[] = new Array(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const row = JSON.parse(rows[index].event) as AuditEventJson;
      // A timestamp without time zone, as JSON: "2026-11-21T09:30:00.12", in UTC.
      batch[index] = { ...row, createdAt: new Date(`${row.createdAt}Z`) };
    }
    if (batch.length) yield batch;
    const last = rows.length === limit ? (JSON.parse(rows[rows.length - 1].event) as AuditEventJson) : null;
    after = last && { createdAt: last.createdAt, id: last.id };
  } while (after);
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
