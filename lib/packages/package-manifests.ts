// Parsed manifests by package id. Packages are immutable, so a manifest is read and parsed once per
// process and kept: the production endpoint serves from memory after the first request, and the
// cache never needs invalidating (a publish or rollback moves the pointer to another id).
import "server-only";
import { db } from "@/lib/db";
import { parseManifest, type PackageManifest } from "./manifest";

const MAX_CACHED = 500;
const cache = new Map<string, PackageManifest>();

function remember(id: string, manifest: PackageManifest) {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(id, manifest);
}

export async function loadPackageManifest(packageId: string): Promise<PackageManifest> {
  return (await loadPackageManifests([packageId])).get(packageId)!;
}

/** Several manifests, reading the missing ones in one query. */
export async function loadPackageManifests(packageIds: string[]): Promise<Map<string, PackageManifest>> {
  const missing = [...new Set(packageIds)].filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await db.package.findMany({ where: { id: { in: missing } }, select: { id: true, manifest: true } });
    for (const row of rows) remember(row.id, parseManifest(row.manifest));
    const lost = missing.find((id) => !cache.has(id));
    if (lost) throw new Error(`Package ${lost} does not exist`);
  }
  return new Map(packageIds.map((id) => [id, cache.get(id)!]));
}
