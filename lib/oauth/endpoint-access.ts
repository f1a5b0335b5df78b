// Who may authorize a host for an endpoint (SPEC §5, §7): members of the project's organization;
// a draft endpoint also needs a role that may use drafts ("project.draft": Viewers may not, unless
// they own the project), production needs "project.connect" (everyone). The MCP endpoints ask the
// same question on every request (see verify-access-token.ts), so a user who leaves the
// organization or loses the role loses the access at once. The studio MCP server (/mcp/{org}, no
// project, no environment) needs membership only: each of its tools checks the member's role.
import "server-only";
import { db } from "@/lib/db";
import type { Environment, Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/permissions";

export type EndpointAccess =
  | { allowed: true; role: Role }
  | { allowed: false; reason: "not_member" }
  | { allowed: false; reason: "role"; role: Role };

/** environment null: the organization's studio MCP server. */
export function endpointPermission(environment: Environment | null): Permission {
  if (environment === null) return "organization.view";
  return environment === "DRAFT" ? "project.draft" : "project.connect";
}

export async function checkEndpointAccess(options: {
  userId: string;
  organizationId: string;
  projectId: string | null;
  environment: Environment | null;
}): Promise<EndpointAccess> {
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: options.organizationId, userId: options.userId } },
    select: { role: true, projectOwners: { where: { projectId: options.projectId ?? "" }, select: { projectId: true } } },
  });
  if (!membership) return { allowed: false, reason: "not_member" };
  const principal = { role: membership.role, isProjectOwner: membership.projectOwners.length > 0 };
  return can(principal, endpointPermission(options.environment))
    ? { allowed: true, role: membership.role }
    : { allowed: false, reason: "role", role: membership.role };
}
