// Shapes of the admin REST API (/app/v1) as the studio reads them. Dates are ISO strings.
import type { GrantListItem } from "@/lib/grants/grants";
import type { AuditEventItem, listAuditFilterOptions } from "@/lib/audit/list-audit-events";
import type { BreakingChange } from "@/lib/packages/breaking-changes";
import type { ChangeSummary, FileDiff, NameChanges } from "@/lib/packages/diff";
import type { PackageListItem } from "@/lib/packages/list-packages";
import type { PublishPreview } from "@/lib/packages/preview-publish";
import type { VersionBump } from "@/lib/packages/versions";
import type { Role } from "@/lib/permissions";

export type { BreakingChange, ChangeSummary, FileDiff, NameChanges, PublishPreview, Role, VersionBump };
export type Page<T> = { data: T[]; nextCursor: string | null };

/** An organization as listed for its member, with their role (lib/organizations). */
export type Organization = Jsonify<
  Awaited<ReturnType<typeof import("@/lib/organizations/organizations").listOrganizations>>["data"][number]
>;

export type UserSummary = { id: string; email: string; name: string };

/** A member as the API presents it (lib/members/members.ts). */
export type Member = Jsonify<ReturnType<typeof import("@/lib/members/members").presentMember>>;

export type Invitation = { id: string; email: string; role: Role; expiresAt: string; createdAt?: string };
/** Whether the invitation email went out (SMTP configured and the server accepted it). */
export type InvitationDelivery = { sent: true } | { sent: false; reason: "not_configured" | "failed"; message: string };
export type CreatedInvitation = Invitation & { link: string; delivery: InvitationDelivery };
export type AcceptedInvitation = { organization: { slug: string; name: string }; role: Role };

/** A project as the API presents it (lib/projects/present-project.ts). */
export type Project = Jsonify<ReturnType<typeof import("@/lib/projects/present-project").presentProject>>;

/** A personal API token without its value (lib/api-tokens). */
export type ApiToken = Jsonify<Awaited<ReturnType<typeof import("@/lib/api-tokens/api-tokens").listApiTokens>>[number]>;
export type CreatedApiToken = ApiToken & { token: string };

// Publish, packages and production: derived from the server's own shapes (type-only imports,
// erased from the browser bundle), so the studio and the API cannot drift apart.

/** History pages load this many versions at a time (the server page and the hook alike). */
export const PACKAGES_PAGE_SIZE = 20;

export type Package = Jsonify<PackageListItem>;

/** One package with its diff against the version production served before it. */
export type PackageDetail = Package & { files: FileDiff[]; breakingChanges: BreakingChange[]; manifest: unknown };
export type RolledBackPackage = Omit<Package, "changes"> & { previousProductionVersion: string | null };

/** A production access token without its value (lib/production-tokens). */
export type ProductionToken = Jsonify<
  Awaited<ReturnType<typeof import("@/lib/production-tokens/production-tokens").listProductionTokens>>[number]
>;
export type CreatedProductionToken = ProductionToken & { token: string };

/** An authorized app: one active OAuth grant (lib/grants). */
export type Grant = Jsonify<GrantListItem>;
/** Authorized apps load this many grants at a time (the server page and the hook alike). */
export const GRANTS_PAGE_SIZE = 50;

// Organization audit log: one event as the list and the JSON Lines export carry it.
export const AUDIT_LOG_PAGE_SIZE = 50;
export type AuditEvent = Jsonify<AuditEventItem>;
export type AuditFilterOptions = Awaited<ReturnType<typeof listAuditFilterOptions>>;

/** A server-side value as it looks after JSON: Dates become strings. Server pages use it to hand data to hooks. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends Array<infer Item>
    ? Jsonify<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonify<T[Key]> }
      : T;

export function toJson<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonify<T>;
}

// Tool executions: derived from the server's presenters (lib/executions).

/** The Executions page loads this many records at a time. */
export const EXECUTIONS_PAGE_SIZE = 50;
export type ExecutionSummary = Jsonify<import("@/lib/executions/present-execution").ExecutionSummary>;
export type ExecutionDetail = Jsonify<import("@/lib/executions/present-execution").ExecutionDetail>;
export type ExecutionStats = Jsonify<import("@/lib/executions/executions").ExecutionStats>;
