import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { ResourcesList } from "@/components/resources/resources-list";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listResources } from "@/lib/resources/resources";

export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "resources");
  const items = await listResources({ access });
  return <ResourcesList org={org} project={project} initialResources={toJson(items)} canEdit={can(access, "project.edit")} />;
}
