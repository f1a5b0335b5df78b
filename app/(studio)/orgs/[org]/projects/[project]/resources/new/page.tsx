import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadProjectPage } from "@/app/(studio)/data";
import { ResourceEditor } from "@/components/resources/resource-editor";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New resource" };

export default async function NewResourcePage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "resources/new");
  if (!can(access, "project.edit")) notFound();
  return <ResourceEditor org={org} project={project} canEdit />;
}
