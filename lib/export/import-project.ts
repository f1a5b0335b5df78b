// Import: an archive (archive-schema.ts) as a new project of an organization, or onto an existing
// project's draft. Both first compute the preview (import-plan.ts) and refuse, with every problem
// listed per item, before writing anything; `dryRun` returns the preview alone. The draft then
// becomes the archive: items are created, updated and deleted through the same domain functions
// the editor uses (components before the tools that name them, tools deleted before their
// components, test cases after the items they belong to). Secrets come as names only: their
// values are set again after importing.
import "server-only";
import { getProjectAccess, type OrganizationAccess, type ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createComponent, deleteComponent, updateComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createProject, deleteProject, updateProject } from "@/lib/projects/projects";
import { slugSchema } from "@/lib/validation/common";
import { createPrompt, deletePrompt, updatePrompt } from "@/lib/prompts/prompts";
import { createResource, deleteResource, updateResource } from "@/lib/resources/resources";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { targetOf } from "@/lib/test-cases/test-case-input";
import { createTestCase, deleteTestCase, unsafeListProjectTestCases, updateTestCase } from "@/lib/test-cases/test-cases";
import { createTool, deleteTool, updateTool } from "@/lib/tools/tools";
import { archiveSchema, type ProjectArchive } from "./archive-schema";
import { getDraftDigest } from "./draft-digest";
import { type ImportPreview, itemFields, loadDraftItems, planImport, recreatesTool, testCaseKey } from "./import-plan";

type Item = { name: string } & Record<string, unknown>;

function refuseProblems(preview: ImportPreview) {
  if (preview.problems.length === 0) return;
  const [first] = preview.problems;
  const more = preview.problems.length > 1 ? ` (and ${preview.problems.length - 1} more problem(s))` : "";
  throw new AppError("validation_failed", `${first.item}: ${first.message}${more}`, { problems: preview.problems });
}

function parseArchive(archive: unknown): ProjectArchive {
  const parsed = archiveSchema.safeParse(archive);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError("validation_failed", `archive.${issue.path.join(".")}: ${issue.message}`);
}

/** Writes the archive's items onto the draft as the preview planned. */
async function applyImport(access: ProjectAccess, archive: ProjectArchive, preview: ImportPreview) {
  const find = (list: Item[], name: string) => list.find((item) => item.name === name)!;
  const patch = (item: Item) => {
    const { name: _name, kind: _kind, ...fields } = itemFields(item);
    return fields;
  };
  const draftTools = new Map((await loadDraftItems(access.project.id)).tools.map((tool) => [tool.name, tool]));
  for (const name of preview.components.create)
    await createComponent({ access, input: itemFields(find(archive.components, name)) as never });
  for (const name of preview.components.update) {
    const item = find(archive.components, name);
    await updateComponent({ access, name, input: { ...patch(item), ...(item.kind ? { kind: item.kind } : {}) } as never });
  }
  for (const name of preview.tools.create) await createTool({ access, input: itemFields(find(archive.tools, name)) as never });
  for (const name of preview.tools.update) {
    const item = find(archive.tools, name);
    // A tool's kind is fixed once created: a changed kind is a new tool under the same name.
    if (recreatesTool(draftTools.get(name), item)) {
      await deleteTool({ access, name });
      await createTool({ access, input: itemFields(item) as never });
    } else await updateTool({ access, name, input: patch(item) as never });
  }
  for (const name of preview.prompts.create) await createPrompt({ access, input: itemFields(find(archive.prompts, name)) as never });
  for (const name of preview.prompts.update) await updatePrompt({ access, name, input: patch(find(archive.prompts, name)) as never });
  for (const name of preview.resources.create) await createResource({ access, input: itemFields(find(archive.resources, name)) as never });
  for (const name of preview.resources.update) {
    const item = find(archive.resources, name);
    await updateResource({ access, name, input: patch(item) as never });
  }
  for (const name of preview.tools.delete) await deleteTool({ access, name });
  for (const name of preview.prompts.delete) await deletePrompt({ access, name });
  for (const name of preview.resources.delete) await deleteResource({ access, name });
  for (const name of preview.components.delete) await deleteComponent({ access, name });
  await applyTestCases(access, archive);
}

/**
 * The draft's cases become the archive's, compared with the cases as they are after the items were
 * written (a tool re-created under a new kind lost its cases). An archive without `testCases`
 * leaves them alone.
 */
async function applyTestCases(access: ProjectAccess, archive: ProjectArchive) {
  if (!archive.testCases) return;
  const current = new Map((await unsafeListProjectTestCases(access.project.id)).map((testCase) => [testCaseKey(testCase), testCase]));
  const keys = new Set(archive.testCases.map(testCaseKey));
  for (const [key, testCase] of current)
    if (!keys.has(key)) await deleteTestCase({ access, target: targetOf(testCase), name: testCase.name });
  for (const testCase of archive.testCases) {
    const target = targetOf(testCase);
    const fields = { input: (testCase.input ?? {}) as Record<string, unknown>, expectations: testCase.expectations as never };
    const existing = current.get(testCaseKey(testCase));
    if (!existing) await createTestCase({ access, target, input: { name: testCase.name, ...fields } });
    else if (canonicalJson(fields) !== canonicalJson({ input: existing.input, expectations: existing.expectations }))
      await updateTestCase({ access, target, name: testCase.name, input: fields });
  }
}

async function recordImport(access: ProjectAccess, actor: Actor, archive: ProjectArchive, draftDigest: string) {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      organizationId: access.organization.id,
      actor,
      action: "project.import",
      target: { type: "project", id: access.project.id, label: access.project.slug },
      newValue: {
        from: archive.source ? `${archive.source.organization ?? "?"}/${archive.source.project ?? "?"}` : null,
        draftDigest,
        tools: archive.tools.length,
        components: archive.components.length,
        ...(archive.testCases ? { testCases: archive.testCases.length } : {}),
      },
    }),
  );
}

/** Imports onto the draft of an existing project (`project.edit`). */
export async function importOntoDraft(options: { access: ProjectAccess; actor: Actor; archive: unknown; dryRun?: boolean }) {
  const archive = parseArchive(options.archive);
  const preview = planImport(archive, await loadDraftItems(options.access.project.id));
  if (options.dryRun) return { applied: false, preview, draftDigest: await getDraftDigest(options.access.project.id) };
  refuseProblems(preview);
  await applyImport(options.access, archive, preview);
  if (preview.instructionsChanged) {
    await updateProject({ access: options.access, actor: options.actor, input: { instructions: archive.project.instructions } });
  }
  const draftDigest = await getDraftDigest(options.access.project.id);
  await recordImport(options.access, options.actor, archive, draftDigest);
  return { applied: true, preview, draftDigest };
}

/** Imports as a new project of the organization (`organization.createProject`); nothing is left behind if it fails. */
export async function importAsNewProject(options: {
  access: OrganizationAccess;
  actor: Actor;
  archive: unknown;
  slug?: string;
  name?: string;
  dryRun?: boolean;
}) {
  const archive = parseArchive(options.archive);
  const slug = slugSchema.parse(options.slug ?? archive.project.slug);
  const preview = planImport(archive, { instructions: "", tools: [], components: [], prompts: [], resources: [], testCases: [] });
  if (options.dryRun) return { applied: false, preview, project: null, draftDigest: null };
  refuseProblems(preview);
  const project = await createProject({
    access: options.access,
    actor: options.actor,
    input: { slug, name: options.name ?? archive.project.name ?? slug, instructions: archive.project.instructions },
  });
  const access = await getProjectAccess({
    actor: options.actor,
    orgSlug: options.access.organization.slug,
    projectSlug: slug,
    permission: "project.edit",
  });
  try {
    await applyImport(access, archive, preview);
  } catch (error) {
    await deleteProject({ access, actor: options.actor });
    throw error;
  }
  const draftDigest = await getDraftDigest(project.id);
  await recordImport(access, options.actor, archive, draftDigest);
  return { applied: true, preview, project, draftDigest };
}
