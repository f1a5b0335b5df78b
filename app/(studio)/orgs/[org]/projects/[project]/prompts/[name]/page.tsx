import type { Metadata } from "next";
import { loadProjectPage, orNotFound } from "@/app/(studio)/data";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { getPrompt } from "@/lib/prompts/prompts";

type Props = { params: Promise<{ org: string; project: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function PromptPage({ params }: Props) {
  const { org, project, name } = await params;
  const { access } = await loadProjectPage(org, project, `prompts/${name}`);
  const item = await orNotFound(getPrompt({ access, name }));
  return <PromptEditor key={item.id} org={org} project={project} initial={toJson(item)} canEdit={can(access, "project.edit")} />;
}
