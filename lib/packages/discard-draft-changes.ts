// Discard changes: put the draft's tools, components, prompts and resources back as the production
// package pins them — all of them, or one tool or one component. What is live and not in a package is kept on the
// rows that stay: secrets, allowed domains and test-panel presets (SPEC §1); Instructions are not
// pinned, so they are not touched. Items added since production are deleted; ones deleted since
// are recreated (a recreated tool has no secrets).
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeDraft } from "@/lib/projects/write-draft";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { type NameChanges, summarizeChanges } from "./diff";
import {
  contentsFromDraft,
  type ManifestComponent,
  type ManifestPrompt,
  type ManifestResource,
  type ManifestTestCase,
  type ManifestTool,
  type PackageManifest,
} from "./manifest";
import { loadPackageManifest } from "./package-manifests";

export const discardDraftSchema = z
  .object({ tool: z.string().min(1).optional(), component: z.string().min(1).optional() })
  .refine((scope) => !(scope.tool && scope.component), { message: "Discard one tool or one component, not both" });
export type DiscardScope = z.infer<typeof discardDraftSchema>;

export type DraftChanges = {
  productionVersion: string | null;
  tools: NameChanges;
  components: NameChanges;
  prompts: NameChanges;
  resources: NameChanges;
  /** Test cases by "<tool>/<case>"; present only when the draft or production has some. */
  testCases?: NameChanges;
};

async function compare(projectId: string, productionPackageId: string | null) {
  const [draft, production] = await Promise.all([
    loadDraftSnapshot({ projectId }),
    productionPackageId ? loadPackageManifest(productionPackageId) : Promise.resolve(null),
  ]);
  const summary = summarizeChanges(production, contentsFromDraft(draft));
  const { tools, components, prompts, resources, testCases } = summary;
  return {
    production,
    changes: { productionVersion: production?.version ?? null, tools, components, prompts, resources, ...(testCases ? { testCases } : {}) },
  };
}

/** What the draft has that production doesn't (added), changed (modified) and lacks (removed). */
export async function getDraftChanges(options: { access: ProjectAccess }): Promise<DraftChanges> {
  return (await compare(options.access.project.id, options.access.project.productionPackageId)).changes;
}

const only = (changes: NameChanges, name: string | undefined): NameChanges =>
  name === undefined
    ? changes
    : {
        added: changes.added.filter((n) => n === name),
        modified: changes.modified.filter((n) => n === name),
        removed: changes.removed.filter((n) => n === name),
      };
const none = (): NameChanges => ({ added: [], modified: [], removed: [] });
const count = (changes: NameChanges) => changes.added.length + changes.modified.length + changes.removed.length;

/** Resets the draft (or one tool or component) to production; returns what was discarded. */
export async function discardDraftChanges(options: { access: ProjectAccess; actor: Actor; scope: DiscardScope }): Promise<DraftChanges> {
  const { project, organization } = options.access;
  const scope = discardDraftSchema.parse(options.scope);
  const { production, changes } = await compare(project.id, project.productionPackageId);
  if (!production) throw conflict("This project has never been published: there is no production version to go back to.");

  const all = !scope.tool && !scope.component;
  const discarded: DraftChanges = {
    productionVersion: production.version,
    tools: all || scope.tool ? only(changes.tools, scope.tool) : none(),
    components: all || scope.component ? only(changes.components, scope.component) : none(),
    prompts: all ? changes.prompts : none(),
    resources: all ? changes.resources : none(),
    ...(changes.testCases && (all || scope.tool) ? { testCases: casesOf(changes.testCases, scope.tool) } : {}),
  };
  if (
    [discarded.tools, discarded.components, discarded.prompts, discarded.resources, discarded.testCases ?? none()].every(
      (changes) => count(changes) === 0,
    )
  ) {
    if (scope.tool && !isKnownTool(scope.tool, production)) await assertToolExists(project.id, scope.tool);
    if (scope.component && !production.components.some((c) => c.name === scope.component))
      await assertComponentExists(project.id, scope.component);
    return discarded; // nothing differs: nothing to do, nothing to record
  }

  await writeDraft(project.id, async (tx) => {
    await resetComponents(tx, project.id, production, discarded.components);
    await resetTools(tx, project.id, production, discarded.tools);
    await resetPrompts(tx, project.id, production, discarded.prompts);
    await resetResources(tx, project.id, production, discarded.resources);
    if (discarded.testCases && count(discarded.testCases) > 0) await resetTestCases(tx, project.id, production, scope.tool);
    if (!all) await assertConsistent(tx, project.id);
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "draft.discard",
      target: scope.tool
        ? { type: "tool", label: `${project.slug}/${scope.tool}` }
        : scope.component
          ? { type: "component", label: `${project.slug}/${scope.component}` }
          : { type: "project", id: project.id, label: project.slug },
      oldValue: {
        tools: discarded.tools,
        components: discarded.components,
        prompts: discarded.prompts,
        resources: discarded.resources,
        ...(discarded.testCases ? { testCases: discarded.testCases } : {}),
      },
      newValue: { version: production.version },
    });
  });
  return discarded;
}

/** The test-case changes of one tool ("<tool>/<case>" names; prompts/… and resources/… have two slashes), or all of them. */
function casesOf(changes: NameChanges, tool: string | undefined): NameChanges {
  if (tool === undefined) return changes;
  const mine = (name: string) => name.startsWith(`${tool}/`) && name.split("/").length === 2;
  return { added: changes.added.filter(mine), modified: changes.modified.filter(mine), removed: changes.removed.filter(mine) };
}

// The cases of the project (or one tool) become production's again, for the tools, prompts and
// resources the draft has now (prompts and resources only when the whole draft is discarded).
async function resetTestCases(tx: Tx, projectId: string, production: PackageManifest, tool: string | undefined) {
  const tools = await tx.tool.findMany({ where: { projectId, ...(tool ? { name: tool } : {}) }, select: { id: true, name: true } });
  const [prompts, resources] = tool
    ? [[], []]
    : await Promise.all([
        tx.prompt.findMany({ where: { projectId }, select: { id: true, name: true } }),
        tx.mcpResource.findMany({ where: { projectId }, select: { id: true, name: true } }),
      ]);
  await tx.testCase.deleteMany({ where: tool ? { projectId, toolId: { in: tools.map((row) => row.id) } } : { projectId } });
  const idOf = (rows: Array<{ id: string; name: string }>, name: string) => rows.find((row) => row.name === name)?.id;
  const ownerOf = (testCase: ManifestTestCase) => {
    if (testCase.prompt !== undefined) {
      const id = idOf(prompts, testCase.prompt);
      return id ? { promptId: id } : null;
    }
    if (testCase.resource !== undefined) {
      const id = idOf(resources, testCase.resource);
      return id ? { resourceId: id } : null;
    }
    const id = idOf(tools, testCase.tool ?? "");
    return id ? { toolId: id } : null;
  };
  for (const testCase of production.testCases ?? []) {
    const owner = ownerOf(testCase);
    if (!owner) continue;
    await tx.testCase.create({
      data: {
        projectId,
        ...owner,
        name: testCase.name,
        input: testCase.input as Prisma.InputJsonValue,
        expectations: testCase.expectations as Prisma.InputJsonValue,
      },
    });
  }
}

const isKnownTool = (name: string, production: PackageManifest) => production.tools.some((tool) => tool.name === name);

async function assertToolExists(projectId: string, name: string) {
  if (!(await db.tool.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } }))) throw notFound("Tool");
}

async function assertComponentExists(projectId: string, name: string) {
  if (!(await db.component.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } })))
    throw notFound("Component");
}

function toolColumns(tool: ManifestTool) {
  return {
    kind: tool.kind === "ui" ? ("UI" as const) : ("DATA" as const),
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Prisma.InputJsonValue,
    outputSchema: tool.outputSchema === null ? Prisma.DbNull : (tool.outputSchema as Prisma.InputJsonValue),
    annotations: tool.annotations as Prisma.InputJsonValue,
    handler: tool.handler,
    componentName: tool.component,
    allowedComponents: tool.allowedComponents,
    timeoutMs: tool.timeoutMs,
    memoryMb: tool.memoryMb,
    visibility: tool.visibility ?? ["model", "app"],
  };
}

// Fields a package leaves out when they have their default (manifest.ts) get the default back.
function componentColumns(component: ManifestComponent) {
  return {
    kind: component.kind === "tsx" ? ("TSX" as const) : ("HTML" as const),
    source: component.source ?? "",
    html: component.html,
    csp: component.csp as Prisma.InputJsonValue,
    title: component.title ?? "",
    description: component.description ?? "",
    prefersBorder: component.prefersBorder ?? true,
  };
}

function promptColumns(prompt: ManifestPrompt) {
  return {
    title: prompt.title,
    description: prompt.description,
    arguments: prompt.arguments as Prisma.InputJsonValue,
    mode: prompt.mode,
    messages: prompt.messages as Prisma.InputJsonValue,
    handler: prompt.handler,
  };
}

function resourceColumns(resource: ManifestResource) {
  return {
    kind: resource.kind,
    uri: resource.uri,
    title: resource.title,
    description: resource.description,
    mimeType: resource.mimeType,
    text: resource.text,
    blob: resource.blob,
    handler: resource.handler,
    completions: resource.completions as Prisma.InputJsonValue,
  };
}

async function resetTools(tx: Tx, projectId: string, production: PackageManifest, changes: NameChanges) {
  const pinned = new Map(production.tools.map((tool) => [tool.name, tool]));
  if (changes.added.length) await tx.tool.deleteMany({ where: { projectId, name: { in: changes.added } } });
  for (const name of changes.modified) {
    await tx.tool.update({ where: { projectId_name: { projectId, name } }, data: toolColumns(pinned.get(name)!) });
  }
  for (const name of changes.removed) await tx.tool.create({ data: { projectId, name, ...toolColumns(pinned.get(name)!) } });
}

async function resetComponents(tx: Tx, projectId: string, production: PackageManifest, changes: NameChanges) {
  const pinned = new Map(production.components.map((component) => [component.name, component]));
  if (changes.added.length) await tx.component.deleteMany({ where: { projectId, name: { in: changes.added } } });
  for (const name of changes.modified) {
    await tx.component.update({ where: { projectId_name: { projectId, name } }, data: componentColumns(pinned.get(name)!) });
  }
  for (const name of changes.removed) await tx.component.create({ data: { projectId, name, ...componentColumns(pinned.get(name)!) } });
}

async function resetPrompts(tx: Tx, projectId: string, production: PackageManifest, changes: NameChanges) {
  const pinned = new Map((production.prompts ?? []).map((prompt) => [prompt.name, prompt]));
  if (changes.added.length) await tx.prompt.deleteMany({ where: { projectId, name: { in: changes.added } } });
  for (const name of changes.modified) {
    await tx.prompt.update({ where: { projectId_name: { projectId, name } }, data: promptColumns(pinned.get(name)!) });
  }
  for (const name of changes.removed) await tx.prompt.create({ data: { projectId, name, ...promptColumns(pinned.get(name)!) } });
}

// Added resources go first, so a URI they held is free again for the ones put back.
async function resetResources(tx: Tx, projectId: string, production: PackageManifest, changes: NameChanges) {
  const pinned = new Map((production.resources ?? []).map((resource) => [resource.name, resource]));
  if (changes.added.length) await tx.mcpResource.deleteMany({ where: { projectId, name: { in: changes.added } } });
  for (const name of changes.modified) {
    await tx.mcpResource.update({ where: { projectId_name: { projectId, name } }, data: resourceColumns(pinned.get(name)!) });
  }
  for (const name of changes.removed) await tx.mcpResource.create({ data: { projectId, name, ...resourceColumns(pinned.get(name)!) } });
}

/**
 * Discarding one tool or component must not leave a tool naming a component the draft lacks (the
 * rest of the draft may have moved on since production): refuse, and say what to do instead.
 */
async function assertConsistent(tx: Tx, projectId: string) {
  const [tools, components] = await Promise.all([
    tx.tool.findMany({ where: { projectId }, select: { name: true, componentName: true, allowedComponents: true } }),
    tx.component.findMany({ where: { projectId }, select: { name: true } }),
  ]);
  const present = new Set(components.map((component) => component.name));
  for (const tool of tools) {
    const missing = [tool.componentName, ...tool.allowedComponents].find((name) => name && !present.has(name));
    if (missing) {
      throw conflict(
        `Tool ${tool.name} would use component ${missing}, which the draft doesn't have. Discard all changes instead, or change them by hand.`,
      );
    }
  }
}
