import type { ReactNode } from "react";
import { loadProjectPage, orNotFound } from "@/app/(studio)/data";
import { getTool } from "@/lib/tools/tools";

type Props = { children: ReactNode; params: Promise<{ org: string; project: string; tool: string }> };

/** An unknown tool answers 404: checked here, outside the editor's loading state (see app/(studio)/orgs/[org]/layout.tsx). */
export default async function ToolLayout({ children, params }: Props) {
  const { org, project, tool } = await params;
  const { access } = await loadProjectPage(org, project, `tools/${tool}`);
  await orNotFound(getTool({ access, name: tool }));
  return children;
}
