"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { PACKAGES_PAGE_SIZE, type Package, type PackageDetail, type Page, type RolledBackPackage } from "@/lib/hooks/api-types";
import { projectPath } from "@/lib/hooks/use-projects";
import { invalidateProduction } from "@/lib/hooks/use-publish";
import { queryKeys } from "@/lib/query-keys";

/** The publish history, newest first, a page at a time. */
export function usePackages(org: string, project: string, options: { initialPage?: Page<Package> } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.packages(org, project),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(PACKAGES_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<Page<Package>>(`${projectPath(org, project)}/packages?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [null] } : undefined,
  });
}

/** One package with its diff against the version it replaced. */
export function usePackage(org: string, project: string, version: string, options: { initialData?: PackageDetail } = {}) {
  return useQuery({
    queryKey: queryKeys.package(org, project, version),
    queryFn: () => apiFetch<PackageDetail>(`${projectPath(org, project)}/packages/${encodeURIComponent(version)}`),
    initialData: options.initialData,
  });
}

/** Points production at an earlier package; nothing new is published. */
export function useRollback(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      apiFetch<RolledBackPackage>(`${projectPath(org, project)}/rollback`, { method: "POST", body: { version } }),
    // Not awaited: the confirmation closes at once, and the lists catch up.
    onSuccess: () => void invalidateProduction(queryClient, org, project),
  });
}

/** Where a package's signed bytes and signature download from. */
export function packageDownloads(org: string, project: string, version: string) {
  const base = `${projectPath(org, project)}/packages/${encodeURIComponent(version)}`;
  return { manifest: `${base}/manifest`, signature: `${base}/signature` };
}
