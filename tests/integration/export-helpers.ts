// The export and import API of a project through the real route handlers, as a user's API token,
// and the two organizations the export and import tests move a project between.
import * as digestRoute from "@/app/app/v1/organizations/[org]/projects/[project]/draft/digest/route";
import * as exportRoute from "@/app/app/v1/organizations/[org]/projects/[project]/export/route";
import * as importRoute from "@/app/app/v1/organizations/[org]/projects/[project]/import/route";
import * as newImportRoute from "@/app/app/v1/organizations/[org]/project-imports/route";
import { getProjectAccess } from "@/lib/access";
import type { ProjectArchive } from "@/lib/export/archive-schema";
import type { ImportPreview } from "@/lib/export/import-plan";
import { asToken, call, createOrgWithMembers, createTestOrganization, createTestUser, type TestUser } from "./helpers";

type ErrorBody = { error?: { code: string; message: string; details?: { problems: Array<{ item: string; message: string }> } } };
type ImportResult = { applied: boolean; preview: ImportPreview; draftDigest: string | null; project: { slug: string } | null };

/**
 * `source`: an organization (createOrgWithMembers) whose project the tests fill and export, with
 * `access` to edit it as its owner; `other`: another organization with its own owner, to import into.
 */
export async function createExportImportOrgs() {
  const source = await createOrgWithMembers();
  const owner = await createTestUser({ name: "Other owner" });
  const other = { owner, orgSlug: (await createTestOrganization(owner, "Other")).slug };
  const access = await getProjectAccess({
    actor: source.users.owner,
    orgSlug: source.organization.slug,
    projectSlug: source.project.slug,
    permission: "project.edit",
  });
  return { source, other, access };
}

/** GET …/export as `user`. */
export async function exportArchive(user: TestUser, org: string, project: string) {
  return call<ProjectArchive & ErrorBody>(exportRoute.GET, {
    path: `/app/v1/organizations/${org}/projects/${project}/export`,
    headers: await asToken(user),
    params: { org, project },
  });
}

/** The project's draft digest, as `user` reads it. */
export async function digestOf(user: TestUser, org: string, project: string) {
  const result = await call<{ digest: string }>(digestRoute.GET, {
    path: `/app/v1/organizations/${org}/projects/${project}/draft/digest`,
    headers: await asToken(user),
    params: { org, project },
  });
  return result.body.digest;
}

/** POST …/project-imports as `user`: an archive imported as a new project of `org`. */
export async function importNew(user: TestUser, org: string, body: Record<string, unknown>) {
  return call<ImportResult & ErrorBody>(newImportRoute.POST, {
    method: "POST",
    path: `/app/v1/organizations/${org}/project-imports`,
    headers: await asToken(user),
    params: { org },
    body,
  });
}

/** POST …/import as `user`: an archive imported onto the project's draft. */
export async function importOnto(user: TestUser, org: string, project: string, body: Record<string, unknown>) {
  return call<ImportResult & ErrorBody>(importRoute.POST, {
    method: "POST",
    path: `/app/v1/organizations/${org}/projects/${project}/import`,
    headers: await asToken(user),
    params: { org, project },
    body,
  });
}
