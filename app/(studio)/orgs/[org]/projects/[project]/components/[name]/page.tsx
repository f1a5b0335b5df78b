import type { Metadata } from "next";
import { loadProjectPage, orNotFound } from "@/app/(studio)/data";
import { ComponentEditor } from "@/components/components-editor/component-editor";
import { getComponent } from "@/lib/components/components";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

type Props = { params: Promise<{ org: string; project: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function ComponentPage({ params }: Props) {
  const { org, project, name } = await params;
  const { access } = await loadProjectPage(org, project, `components/${name}`);
  const [component, uiTools] = await Promise.all([orNotFound(getComponent({ access, name })), listTools({ access, kind: "ui" })]);
  const preset = uiTools.find((tool) => tool.component === name && tool.presets.length > 0)?.presets[0];
  return (
    <ComponentEditor
      key={component.id}
      org={org}
      project={project}
      initial={toJson(component)}
      sampleData={preset?.arguments}
      canEdit={can(access, "project.edit")}
    />
  );
}
