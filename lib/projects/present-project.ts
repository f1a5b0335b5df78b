// A project row as the API and the studio see it: lowercase enums, rate limits grouped, owners
// as users, and the version production serves.
import "server-only";
import type { db } from "@/lib/db";
import type { ProjectRateLimits } from "@/lib/rate-limit/limits";
import { fromVisibilityColumn, RATE_LIMIT_NAMES } from "./project-schemas";

export const projectInclude = {
  owners: { select: { membership: { select: { user: { select: { id: true, email: true, name: true } } } } } },
  productionPackage: { select: { version: true } },
} as const;

type ProjectRow = Awaited<ReturnType<typeof db.project.findFirstOrThrow<{ include: typeof projectInclude }>>>;

function rateLimitsOf(project: ProjectRateLimits): ProjectRateLimits {
  return Object.fromEntries(RATE_LIMIT_NAMES.map((name) => [name, project[name]])) as ProjectRateLimits;
}

export function presentProject(project: ProjectRow) {
  const {
    owners,
    productionPackage,
    productionPackageId: _productionPackageId,
    dataToolCallsPerMinute: _dataToolCallsPerMinute,
    anonymousCallsPerHour: _anonymousCallsPerHour,
    anonymousBurst: _anonymousBurst,
    credentialCallsPerMinute: _credentialCallsPerMinute,
    ...rest
  } = project;
  return {
    ...rest,
    visibility: fromVisibilityColumn(rest.visibility),
    /** Live on both endpoints (read at call time); bounds in lib/rate-limit/limits.ts. */
    rateLimits: rateLimitsOf(project),
    owners: owners.map((owner) => owner.membership.user),
    /** The version the production endpoint serves; null before the first publish. */
    productionVersion: productionPackage?.version ?? null,
  };
}
