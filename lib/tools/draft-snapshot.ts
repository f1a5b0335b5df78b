// What the draft endpoint serves: the project's live tools, components, prompts, resources and Instructions.
//
// Every draft write bumps Project.draftRevision in its own transaction (lib/projects/write-draft.ts). The
// endpoint's auth query already returns that number, so a snapshot cached per project is
// reused while the revision matches and reloaded the moment it changes: no extra query on
// the hot path, and never a stale answer — on any instance, without shared invalidation.
import "server-only";
import { db } from "@/lib/db";
import { presentComponent } from "@/lib/components/components";
import { presentPrompt } from "@/lib/prompts/prompts";
import { presentResource } from "@/lib/resources/resources";
import { presentTestCase, sortTestCases, TEST_CASE_TARGET_NAMES } from "@/lib/test-cases/test-cases";
import { presentTool } from "./present-tool";

export async function loadDraftSnapshot({ projectId }: { projectId: string }) {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      slug: true,
      name: true,
      instructions: true,
      organizationId: true,
      tools: { orderBy: { name: "asc" }, include: { secrets: { select: { key: true }, orderBy: { key: "asc" } } } },
      components: true,
      prompts: { orderBy: { name: "asc" } },
      resources: { orderBy: { name: "asc" } },
      testCases: { orderBy: { name: "asc" }, include: TEST_CASE_TARGET_NAMES },
    },
  });
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    name: project.name,
    instructions: project.instructions,
    tools: project.tools.map((tool) => presentTool(tool)),
    components: project.components.map(presentComponent),
    prompts: project.prompts.map(presentPrompt),
    resources: project.resources.map(presentResource),
    // Pinned in packages (lib/test-cases); the endpoint itself never serves them.
    testCases: sortTestCases(project.testCases.map((testCase) => presentTestCase(testCase))),
  };
}

export type ToolSnapshot = Awaited<ReturnType<typeof loadDraftSnapshot>>;

const MAX_CACHED_PROJECTS = 500;
const cache = new Map<string, { revision: number; snapshot: Promise<ToolSnapshot> }>();

/**
 * The draft snapshot for a project whose current revision the caller has just read. The revision
 * is read before the snapshot is loaded, so a cached entry is never older than its label.
 */
export function getDraftSnapshot(project: { id: string; draftRevision: number }): Promise<ToolSnapshot> {
  const cached = cache.get(project.id);
  if (cached && cached.revision === project.draftRevision) return cached.snapshot;
  const snapshot = loadDraftSnapshot({ projectId: project.id });
  cache.delete(project.id);
  if (cache.size >= MAX_CACHED_PROJECTS) cache.delete(cache.keys().next().value!);
  cache.set(project.id, { revision: project.draftRevision, snapshot });
  // A failed load must not be served from the cache.
  snapshot.catch(() => {
    if (cache.get(project.id)?.snapshot === snapshot) cache.delete(project.id);
  });
  return snapshot;
}
