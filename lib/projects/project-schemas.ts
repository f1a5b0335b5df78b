// The project's API shapes, shared by the route handlers, the studio's forms and the domain
// functions (lib/projects/projects.ts). Safe in the browser: no database, no server modules.
import { z } from "zod";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { PROJECT_RATE_LIMITS, type ProjectRateLimitName } from "@/lib/rate-limit/limits";
import { nameSchema, slugSchema } from "@/lib/validation/common";

export const createProjectSchema = z.object({ slug: slugSchema, name: nameSchema, instructions: z.string().max(20_000).optional() });

/** The API spells enums in lowercase (`kind: "data" | "ui"`); the database in uppercase. */
export const visibilitySchema = z.enum(["private", "public"], { error: 'must be "private" or "public"' });
export type ProjectVisibility = z.infer<typeof visibilitySchema>;
export const toVisibilityColumn = (visibility: ProjectVisibility): Visibility => (visibility === "public" ? "PUBLIC" : "PRIVATE");
export const fromVisibilityColumn = (visibility: Visibility): ProjectVisibility => (visibility === "PUBLIC" ? "public" : "private");

export const RATE_LIMIT_NAMES = Object.keys(PROJECT_RATE_LIMITS) as ProjectRateLimitName[];

function rateLimitField(name: ProjectRateLimitName) {
  const { min, max } = PROJECT_RATE_LIMITS[name];
  return z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** Any subset of the project's rate limits; a value outside lib/rate-limit/limits.ts bounds is a 422, never clamped. */
export const rateLimitsSchema = z.strictObject(
  Object.fromEntries(RATE_LIMIT_NAMES.map((name) => [name, rateLimitField(name).optional()])) as Record<
    ProjectRateLimitName,
    z.ZodOptional<z.ZodNumber>
  >,
  { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown rate limit ${issue.keys.join(", ")}` : "must be an object") },
);

export const updateProjectSchema = z
  .object({
    name: nameSchema,
    instructions: z.string().max(20_000, "must be at most 20,000 characters"),
    /** User ids of the project owners (replaces the current set). */
    owners: z.array(z.string()).max(100),
    visibility: visibilitySchema,
    rateLimits: rateLimitsSchema,
  })
  .partial();
