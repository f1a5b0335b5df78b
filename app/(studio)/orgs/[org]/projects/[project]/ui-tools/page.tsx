import type { Metadata } from "next";
import { loadProjectAccess, requireActor } from "@/app/(studio)/data";
import { ToolsList } from "@/components/tool-editor/tools-list";
import { listComponents } from "@/lib/components/components";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listTools } from "@/lib/tools/tools";

export const metadata: Metadata = { title: "UI Tools" };

export default async function UiToolsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project } = await params;
  const actor = await requireActor(`/orgs/${org}/projects/${project}/ui-tools`);
  const access = await loadProjectAccess(actor.userId, org, project);
  const [tools, components] = await Promise.all([listTools({ access, kind: "ui" }), listComponents({ access })]);
  const canEdit = can({ role: access.membership.role, isProjectOwner: access.isProjectOwner }, "project.edit");
  return (
    <ToolsList
      org={org}
      project={project}
      kind="ui"
      initialTools={toJson(tools)}
      componentNames={components.map((component) => component.name)}
      canEdit={canEdit}
    />
  );
}
