// Export: a project's draft as one JSON archive (archive-schema.ts). Item fields are exactly the
// ones the admin API accepts when creating the item, so an archive imports through the same
// validation; ids, timestamps and secret values never leave.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { ARCHIVE_FORMAT, type ProjectArchive } from "./archive-schema";
import { getDraftDigest } from "./draft-digest";

type Snapshot = Awaited<ReturnType<typeof loadDraftSnapshot>>;

export function archiveTool(tool: Snapshot["tools"][number]) {
  return {
    name: tool.name,
    kind: tool.kind,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: tool.outputSchema,
    annotations: tool.annotations,
    ...(tool.kind === "data" ? { handler: tool.handler } : { component: tool.component }),
    allowedComponents: tool.allowedComponents,
    allowedDomains: tool.allowedDomains,
    timeoutMs: tool.timeoutMs,
    memoryMb: tool.memoryMb,
    visibility: tool.visibility,
    presets: tool.presets,
    secretNames: tool.secretNames,
  };
}

export function archiveComponent(component: Snapshot["components"][number]) {
  return {
    name: component.name,
    kind: component.kind,
    // A TSX component's document is compiled from its source on import.
    ...(component.kind === "tsx" ? { source: component.source } : { html: component.html }),
    csp: component.csp,
    title: component.title,
    description: component.description,
    prefersBorder: component.prefersBorder,
  };
}

function archivePrompt(prompt: Snapshot["prompts"][number]) {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = prompt;
  return fields;
}

function archiveResource(resource: Snapshot["resources"][number]) {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = resource;
  return fields;
}

/** A case as the package manifest pins it: its target, name, input and expectations. */
export function archiveTestCase(testCase: Snapshot["testCases"][number]) {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = testCase;
  return fields;
}

export async function exportProject(options: { access: ProjectAccess }): Promise<ProjectArchive> {
  const { organization, project } = options.access;
  const [snapshot, draftDigest, row] = await Promise.all([
    loadDraftSnapshot({ projectId: project.id }),
    getDraftDigest(project.id),
    db.project.findUniqueOrThrow({ where: { id: project.id }, select: { slug: true, name: true, instructions: true } }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    format: ARCHIVE_FORMAT,
    exportedAt: new Date().toISOString(),
    source: { organization: organization.slug, project: project.slug, draftDigest },
    project: { slug: row.slug, name: row.name, instructions: row.instructions },
    tools: snapshot.tools.map(archiveTool).sort(byName),
    components: snapshot.components.map(archiveComponent).sort(byName),
    prompts: snapshot.prompts.map(archivePrompt).sort(byName),
    resources: snapshot.resources.map(archiveResource).sort(byName),
    testCases: snapshot.testCases.map(archiveTestCase),
  };
}
