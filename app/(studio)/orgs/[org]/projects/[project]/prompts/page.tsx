import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { PromptsList } from "@/components/prompts/prompts-list";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listPrompts } from "@/lib/prompts/prompts";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "prompts");
  const items = await listPrompts({ access });
  return <PromptsList org={org} project={project} initialPrompts={toJson(items)} canEdit={can(access, "project.edit")} />;
}
