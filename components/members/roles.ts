import { canAssignRole, ROLES, type Role } from "@/lib/permissions";

export const ROLE_LABELS: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", EDITOR: "Editor", VIEWER: "Viewer" };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything, including handing out the Owner role",
  ADMIN: "Manage members, projects and access",
  EDITOR: "Edit tools and use the draft endpoint",
  VIEWER: "View projects, tools and history",
};

/** Roles `actorRole` may give to a member who has `fromRole` now (null for a new invitation). */
export function assignableRoles(actorRole: Role, fromRole: Role | null): Role[] {
  return ROLES.filter((role) => role === fromRole || canAssignRole(actorRole, fromRole, role));
}
