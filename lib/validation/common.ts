// Field schemas shared by routes, forms and domain functions.
import { z } from "zod";
import { ROLES } from "@/lib/permissions";

export const slugSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(40, "must be at most 40 characters")
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    "may contain only lowercase letters, digits and hyphens, and must start and end with a letter or digit",
  );

export const nameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("must be a valid email address"));
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");
export const roleSchema = z.enum(ROLES);

export const paginationSchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** Cursor pagination over rows with an `id`: fetch one extra row to know whether more exist. */
export function pageArgs(page: Pagination) {
  return { take: page.limit + 1, ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }>(rows: T[], page: Pagination) {
  const data = rows.slice(0, page.limit);
  return { data, nextCursor: rows.length > page.limit ? data[data.length - 1].id : null };
}
