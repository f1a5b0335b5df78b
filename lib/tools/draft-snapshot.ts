// What the draft endpoint serves: the project's live tools, components and
// Instructions, read in one query per request (every save is live at once).
import { db } from "@/lib/db";
import { presentComponent } from "@/lib/components/components";
import { presentTool } from "./present-tool";

export async function loadDraftSnapshot(projectId: string) {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      slug: true,
      name: true,
      instructions: true,
      organizationId: true,
      tools: { orderBy: { name: "asc" } },
      components: true,
    },
  });
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    name: project.name,
    instructions: project.instructions,
    tools: project.tools.map((tool) => presentTool(tool)),
    components: project.components.map(presentComponent),
  };
}

export type ToolSnapshot = Awaited<ReturnType<typeof loadDraftSnapshot>>;
