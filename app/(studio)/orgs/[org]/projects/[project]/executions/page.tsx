import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { ExecutionsView } from "@/components/executions/executions-view";
import { SectionHeader } from "@/components/ui/section-header";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

export const metadata: Metadata = { title: "Executions" };

export default async function ExecutionsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "executions");

  if (!can(access, "project.executions")) {
    return (
      <main className="space-y-6">
        <SectionHeader title="Executions" />
        <EmptyState
          title="Executions are visible to the people who build this project"
          description="Tool calls carry what hosts' users sent and got back, so Owners, Admins, project owners and Editors see them. Ask an Admin if you need access."
        />
      </main>
    );
  }

  // The draft's tools for the filter; the page adds names that only appear in records (deleted tools).
  const toolNames = (await listTools({ access })).map((tool) => tool.name);
  return (
    <main>
      <ExecutionsView org={org} project={access.project.slug} toolNames={toolNames} />
    </main>
  );
}
