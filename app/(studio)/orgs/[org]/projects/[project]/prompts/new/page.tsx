import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadProjectPage } from "@/app/(studio)/data";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New prompt" };

export default async function NewPromptPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "prompts/new");
  if (!can(access, "project.edit")) notFound();
  return <PromptEditor org={org} project={project} canEdit />;
}
