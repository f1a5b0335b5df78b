import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { TestsView } from "@/components/tests/tests-view";
import { SectionHeader } from "@/components/ui/section-header";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Tests" };

export default async function TestsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "tests");
  return (
    <main className="space-y-6">
      <SectionHeader title="Tests" />
      <TestsView
        org={org}
        project={access.project.slug}
        canRun={can(access, "project.draft")}
        canConfigure={can(access, "project.settings")}
      />
    </main>
  );
}
