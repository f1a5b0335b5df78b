// The permission matrix of SPEC §7, in one place. Everything that checks a
// permission — pages, route handlers, MCP and OAuth — asks `can()`.
import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };
export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const satisfies readonly Role[];

/** "PROJECT_OWNER" is a per-project assignment on top of the organization role. */
type Grantee = Role | "PROJECT_OWNER";

const EVERYONE: Grantee[] = ["OWNER", "ADMIN", "PROJECT_OWNER", "EDITOR", "VIEWER"];
const BUILDERS: Grantee[] = ["OWNER", "ADMIN", "PROJECT_OWNER", "EDITOR"];
const MAINTAINERS: Grantee[] = ["OWNER", "ADMIN", "PROJECT_OWNER"];
const ADMINS: Grantee[] = ["OWNER", "ADMIN"];

export const PERMISSIONS = {
  // SPEC §7, row by row
  "project.view": EVERYONE, // projects, tools, history
  "project.edit": BUILDERS, // tools, components, Instructions, secrets, test panel
  "project.draft": BUILDERS, // use the draft endpoint
  "project.publish": MAINTAINERS, // publish, rollback
  "project.visibility": MAINTAINERS, // visibility in Settings
  "project.killSwitch": ADMINS,
  "project.tokens": MAINTAINERS, // rotate draft token, production tokens
  "project.connect": EVERYONE, // OAuth to production of a private project
  // Decisions where the spec is silent (README "Roles"):
  "project.settings": MAINTAINERS, // rename, rate limits
  "project.owners": ADMINS, // assigning project owners is member management
  "project.delete": ADMINS,
  "organization.view": EVERYONE,
  "organization.members": ADMINS, // manage members, roles, invitations
  "organization.grants": ADMINS, // see and revoke every grant
  "organization.audit": ADMINS,
  "organization.createProject": ADMINS,
  "organization.update": ["OWNER"],
  // Tool-execution records (list, detail, stats): builders only. They hold what hosts' users sent
  // and got back, console output and caller IPs — data about people, not about the project —
  // the same data builders already see in the test panel; Viewers see tools and history only.
  "project.executions": BUILDERS,
  // Publishing although required test cases fail, with a written reason (lib/test-cases/publish-gate.ts).
  "project.overridePublishGate": ADMINS,
} as const satisfies Record<string, Grantee[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Principal = { role: Role; isProjectOwner?: boolean };
/** A loaded organization or project access (lib/access.ts): `can(access, "project.edit")`. */
type MemberAccess = { membership: { role: Role }; isProjectOwner?: boolean };

export function can(who: Principal | MemberAccess, permission: Permission): boolean {
  const principal = "membership" in who ? { role: who.membership.role, isProjectOwner: who.isProjectOwner } : who;
  const grantees: readonly Grantee[] = PERMISSIONS[permission];
  if (grantees.includes(principal.role)) return true;
  return Boolean(principal.isProjectOwner) && permission.startsWith("project.") && grantees.includes("PROJECT_OWNER");
}

/** Only an Owner may hand out or take away the Owner role. */
export function canAssignRole(actorRole: Role, fromRole: Role | null, toRole: Role): boolean {
  if (!can({ role: actorRole }, "organization.members")) return false;
  if (toRole === "OWNER" || fromRole === "OWNER") return actorRole === "OWNER";
  return true;
}

const GRANTEE_NAMES: Record<Grantee, string> = {
  OWNER: "Owners",
  ADMIN: "Admins",
  PROJECT_OWNER: "project owners",
  EDITOR: "Editors",
  VIEWER: "Viewers",
};

/**
 * Why a control is disabled, from the same matrix `can()` reads: "Only Owners, Admins and project
 * owners can publish." The studio shows it beside actions a member's role cannot take.
 */
export function permissionReason(permission: Permission, action: string): string {
  const names = PERMISSIONS[permission]
    .filter((grantee) => grantee !== "PROJECT_OWNER" || permission.startsWith("project."))
    .map((grantee) => GRANTEE_NAMES[grantee]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "nobody");
  return `Only ${list} can ${action}.`;
}
