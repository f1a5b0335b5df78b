// Test panel credentials on the draft endpoint's hot path, checked by the rules of OAuth access
// tokens (lib/oauth/verify-access-token.ts), in one query: on every request on PostgreSQL, and on
// PGlite from the credential cache (lib/mcp/credential-cache.ts) until a write or the expiry outdates it:
// - the token exists and has not expired;
// - its resource is this endpoint's URL exactly (a token for another project's draft is refused);
// - its user is still a member of the project's organization and may still use drafts ("project.draft").
import "server-only";
import { db } from "@/lib/db";
import { cachedDecision } from "@/lib/mcp/credential-cache";
import type { Project, Role } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import { isTestPanelToken } from "./test-panel-tokens";

export type TestPanelCaller = { kind: "test_panel"; credentialId: string; userId: string };

type Row = Project & {
  test_panel_token_id: string;
  test_panel_token_hash: string;
  test_panel_expires_at: Date;
  test_panel_resource: string;
  test_panel_user_id: string;
  test_panel_member_role: Role | null;
  test_panel_is_project_owner: boolean;
};

/** The caller and project (every column but the draft token hash) the credential opens on `resource`, or null. */
export async function verifyTestPanelToken(options: {
  token: string;
  resource: string;
}): Promise<{ caller: TestPanelCaller; project: Omit<Project, "draftTokenHash"> } | null> {
  if (!isTestPanelToken(options.token)) return null;
  const hash = hashToken(options.token);
  return cachedDecision(`test_panel\n${options.resource}\n${hash}`, () => queryTestPanelToken(hash, options.resource));
}

/** The one query and the rules, for the credential cache: the decision and until when it holds. */
async function queryTestPanelToken(hash: string, resource: string) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.*,
      t."id" AS test_panel_token_id,
      t."tokenHash" AS test_panel_token_hash,
      t."expiresAt" AS test_panel_expires_at,
      t."resource" AS test_panel_resource,
      t."userId" AS test_panel_user_id,
      m."role"::text AS test_panel_member_role,
      EXISTS (SELECT 1 FROM "ProjectOwner" o WHERE o."projectId" = p."id" AND o."membershipId" = m."id") AS test_panel_is_project_owner
    FROM "TestPanelToken" t
    JOIN "Project" p ON p."id" = t."projectId"
    LEFT JOIN "Membership" m ON m."organizationId" = p."organizationId" AND m."userId" = t."userId"
    WHERE t."tokenHash" = ${hash}`;
  const row = rows[0];
  if (!row || !hashesEqual(row.test_panel_token_hash, hash)) return null;
  if (new Date(row.test_panel_expires_at).getTime() <= Date.now()) return null;
  if (row.test_panel_resource !== resource) return null;
  if (!row.test_panel_member_role) return null;
  if (!can({ role: row.test_panel_member_role, isProjectOwner: row.test_panel_is_project_owner }, "project.draft")) return null;
  const caller: TestPanelCaller = { kind: "test_panel", credentialId: row.test_panel_token_id, userId: row.test_panel_user_id };
  return { value: { caller, project: projectColumns(row) }, expiresAt: new Date(row.test_panel_expires_at).getTime() };
}

function projectColumns(row: Row): Omit<Project, "draftTokenHash"> {
  const project: Partial<Row> = { ...row };
  for (const key of Object.keys(project) as Array<keyof Row>) {
    if (key.startsWith("test_panel_") || key === "draftTokenHash") delete project[key];
  }
  return project as Omit<Project, "draftTokenHash">;
}
