// The publish history of a project, as the History page and the API show it. A package's
// "previous version" is the one production served when it was published — the base the publish
// dialog diffed against — which after a rollback is not simply the version before it.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { pageArgs, toPage, type Pagination } from "@/lib/validation/common";
import { analyzeToolChanges } from "./breaking-changes";
import { analyzePromptAndResourceChanges } from "./prompt-resource-changes";
import { diffContents, summarizeChanges } from "./diff";
import { loadPackageManifests } from "./package-manifests";

export const packageSelect = {
  id: true,
  version: true,
  changelog: true,
  authorName: true,
  digest: true,
  signature: true,
  signingKeyId: true,
  createdAt: true,
  author: { select: { id: true, name: true, email: true } },
  publishedIn: { select: { previousPackage: { select: { id: true, version: true } } } },
} as const;

type PackageRow = Awaited<ReturnType<typeof db.package.findFirstOrThrow<{ select: typeof packageSelect }>>>;

function previousOf(row: PackageRow) {
  return row.publishedIn?.previousPackage ?? null;
}

export function presentPackage(row: PackageRow, productionPackageId: string | null) {
  return {
    id: row.id,
    version: row.version,
    changelog: row.changelog,
    author: row.author ?? { id: null, name: row.authorName, email: null },
    createdAt: row.createdAt,
    digest: row.digest,
    signature: row.signature,
    signingKeyId: row.signingKeyId,
    isProduction: row.id === productionPackageId,
    previousVersion: previousOf(row)?.version ?? null,
  };
}

export async function listPackages(options: { access: ProjectAccess; page: Pagination }) {
  const { project } = options.access;
  const rows = await db.package.findMany({
    where: { projectId: project.id },
    select: packageSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(options.page),
  });
  const page = toPage(rows, options.page);
  const manifests = await loadPackageManifests(page.data.flatMap((row) => [row.id, previousOf(row)?.id ?? []].flat()));
  const manifestOf = (id: string | undefined) => (id ? manifests.get(id)! : null);
  return {
    ...page,
    data: page.data.map((row) => ({
      ...presentPackage(row, project.productionPackageId),
      changes: summarizeChanges(manifestOf(previousOf(row)?.id), manifestOf(row.id)!),
    })),
  };
}

/** One package with its manifest and what it changed against the version it replaced. */
export async function getPackage(options: { access: ProjectAccess; version: string }) {
  const row = await getPackageRowOrThrow(options.access.project.id, options.version);
  const previous = previousOf(row);
  const manifests = await loadPackageManifests([row.id, ...(previous ? [previous.id] : [])]);
  const manifest = manifests.get(row.id)!;
  const before = previous ? manifests.get(previous.id)! : null;
  const diff = diffContents(before, manifest);
  return {
    ...presentPackage(row, options.access.project.productionPackageId),
    changes: {
      tools: diff.tools,
      components: diff.components,
      prompts: diff.prompts,
      resources: diff.resources,
      ...(diff.testCases ? { testCases: diff.testCases } : {}),
    },
    files: diff.files,
    breakingChanges: [
      ...analyzeToolChanges(before?.tools ?? [], manifest.tools).breakingChanges,
      ...analyzePromptAndResourceChanges(before, manifest),
    ],
    manifest,
  };
}

/** The exact signed bytes and signature, for download and offline verification. */
export async function getPackageArtifacts(options: { access: ProjectAccess; version: string }) {
  const row = await db.package.findUnique({
    where: { projectId_version: { projectId: options.access.project.id, version: options.version } },
    select: { version: true, manifest: true, signature: true, digest: true },
  });
  if (!row) throw notFound("Package");
  return row;
}

async function getPackageRowOrThrow(projectId: string, version: string) {
  const row = await db.package.findUnique({ where: { projectId_version: { projectId, version } }, select: packageSelect });
  if (!row) throw notFound("Package");
  return row;
}

/** One entry of the history list, as the API returns it (before JSON). */
export type PackageListItem = Awaited<ReturnType<typeof listPackages>>["data"][number];
