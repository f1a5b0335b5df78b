import type { Metadata } from "next";
import { loadProjectPage, orNotFound } from "@/app/(studio)/data";
import { ResourceEditor } from "@/components/resources/resource-editor";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { getResource } from "@/lib/resources/resources";

type Props = { params: Promise<{ org: string; project: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function ResourcePage({ params }: Props) {
  const { org, project, name } = await params;
  const { access } = await loadProjectPage(org, project, `resources/${name}`);
  const item = await orNotFound(getResource({ access, name }));
  return <ResourceEditor key={item.id} org={org} project={project} initial={toJson(item)} canEdit={can(access, "project.edit")} />;
}
