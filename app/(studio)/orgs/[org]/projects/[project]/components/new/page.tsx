import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadProjectAccess, requireActor } from "@/app/(studio)/data";
import { ComponentEditor } from "@/components/components-editor/component-editor";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New component" };

export default async function NewComponentPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const actor = await requireActor(`/orgs/${org}/projects/${project}/components/new`);
  const access = await loadProjectAccess(actor.userId, org, project);
  if (!can({ role: access.membership.role, isProjectOwner: access.isProjectOwner }, "project.edit")) notFound();
  return <ComponentEditor org={org} project={project} canEdit />;
}
