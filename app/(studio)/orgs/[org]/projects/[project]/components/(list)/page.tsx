import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { ComponentsList } from "@/components/components-editor/components-list";
import { listComponents } from "@/lib/components/components";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

export const metadata: Metadata = { title: "Components" };

export default async function ComponentsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "components");
  const [components, uiTools] = await Promise.all([listComponents({ access }), listTools({ access, kind: "ui" })]);
  const usedBy: Record<string, string[]> = {};
  for (const tool of uiTools) {
    for (const name of new Set([...(tool.component ? [tool.component] : []), ...tool.allowedComponents]))
      (usedBy[name] ??= []).push(tool.name);
  }
  return (
    <ComponentsList
      org={org}
      project={project}
      initialComponents={toJson(components)}
      usedBy={usedBy}
      canEdit={can(access, "project.edit")}
    />
  );
}
