import type { Metadata } from "next";
import { loadProjectPage, orNotFound } from "@/app/(studio)/data";
import { ToolEditor } from "@/components/tool-editor/tool-editor";
import { listComponentNames } from "@/lib/components/components";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { getTool } from "@/lib/tools/tools";

type Props = { params: Promise<{ org: string; project: string; tool: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).tool };
}

export default async function ToolPage({ params }: Props) {
  const { org, project, tool: toolName } = await params;
  const { access } = await loadProjectPage(org, project, `tools/${toolName}`);
  const [tool, components] = await Promise.all([orNotFound(getTool({ access, name: toolName })), listComponentNames({ access })]);

  return (
    <ToolEditor
      // A new tool (or a renamed one) starts a fresh editor.
      key={tool.id}
      org={org}
      project={project}
      initialTool={toJson(tool)}
      componentNames={components}
      canEdit={can(access, "project.edit")}
    />
  );
}
