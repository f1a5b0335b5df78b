import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadProjectPage } from "@/app/(studio)/data";
import { ComponentEditor } from "@/components/components-editor/component-editor";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New component" };

export default async function NewComponentPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "components/new");
  if (!can(access, "project.edit")) notFound();
  return <ComponentEditor org={org} project={project} canEdit />;
}
