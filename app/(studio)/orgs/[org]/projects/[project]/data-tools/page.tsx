import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { ToolsList } from "@/components/tool-editor/tools-list";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

export const metadata: Metadata = { title: "Data Tools" };

export default async function DataToolsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const { access } = await loadProjectPage(org, project, "data-tools");
  const tools = await listTools({ access, kind: "data" });
  const canEdit = can(access, "project.edit");
  return <ToolsList org={org} project={project} kind="data" initialTools={toJson(tools)} componentNames={[]} canEdit={canEdit} />;
}
