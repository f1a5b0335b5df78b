import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { HistoryList } from "@/components/history/history-list";
import { SectionHeader } from "@/components/ui/section-header";
import { PACKAGES_PAGE_SIZE, toJson } from "@/lib/hooks/api-types";
import { listPackages } from "@/lib/packages/list-packages";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "history");
  const packages = await listPackages({ access, page: { limit: PACKAGES_PAGE_SIZE } });

  return (
    <main className="space-y-6">
      <SectionHeader
        title="History"
        description="Every published version, newest first. Production serves the one marked Production; rolling back points it at an earlier one."
      />
      <HistoryList org={org} project={access.project.slug} initialPage={toJson(packages)} canPublish={can(access, "project.publish")} />
    </main>
  );
}
