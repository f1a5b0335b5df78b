import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { ToolsList } from "@/components/tool-editor/tools-list";
import { listComponentNames } from "@/lib/components/components";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

export const metadata: Metadata = { title: "UI Tools" };

export default async function UiToolsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "ui-tools");
  const [tools, components] = await Promise.all([listTools({ access, kind: "ui" }), listComponentNames({ access })]);
  const canEdit = can(access, "project.edit");
  return <ToolsList org={org} project={project} kind="ui" initialTools={toJson(tools)} componentNames={components} canEdit={canEdit} />;
}
