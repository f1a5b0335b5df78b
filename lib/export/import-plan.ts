// What importing an archive onto a draft would change — per tool, component, prompt, resource
// and test case: create, update, delete or unchanged — and what is wrong with it, item by item, before
// anything is written. Items are checked with their domain's own create schema, so the problems
// read as the editor's would ("tools/get_weather: inputSchema: is not a valid JSON Schema: …").
import type { z } from "zod";
import { createTestCaseSchema, expectationKindsFor, type TargetRef, targetKey, targetOf } from "@/lib/test-cases/test-case-input";
import { createComponentSchema } from "@/lib/components/components";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { createPromptSchema } from "@/lib/prompts/prompt-input";
import { createResourceSchema } from "@/lib/resources/resource-input";
import { checkHandlerSyntax } from "@/lib/sandbox";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { createToolSchema } from "@/lib/tools/tool-input";
import type { ProjectArchive } from "./archive-schema";
import { archiveComponent, archiveTestCase, archiveTool } from "./export-project";

export const ITEM_KINDS = ["tools", "components", "prompts", "resources"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
type Item = { name: string } & Record<string, unknown>;

export type ItemChanges = { create: string[]; update: string[]; delete: string[]; unchanged: string[] };
export type ImportProblem = { item: string; field: string | null; message: string };
export type ImportPreview = {
  instructionsChanged: boolean;
  tools: ItemChanges;
  components: ItemChanges;
  prompts: ItemChanges;
  resources: ItemChanges;
  /** Test cases by "<tool>/<case>", "prompts/<prompt>/<case>", "resources/<resource>/<case>". */
  testCases: ItemChanges;
  /** Secrets the archive's tools use, by name: their values must be set again after importing. */
  secretsToSet: { tool: string; names: string[] }[];
  problems: ImportProblem[];
};

const SCHEMAS: Record<ItemKind, z.ZodType> = {
  tools: createToolSchema,
  components: createComponentSchema,
  prompts: createPromptSchema,
  resources: createResourceSchema,
};

type Draft = { instructions: string; testCases: Array<Item & TargetRef> } & Record<ItemKind, Item[]>;

/** The draft as archive items (the same fields export writes), for comparing with an archive. */
export async function loadDraftItems(projectId: string): Promise<Draft> {
  const snapshot = await loadDraftSnapshot({ projectId });
  const strip = ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: Item) => fields as Item;
  return {
    instructions: snapshot.instructions,
    tools: snapshot.tools.map((tool) => archiveTool(tool) as Item),
    components: snapshot.components.map((component) => archiveComponent(component) as Item),
    prompts: snapshot.prompts.map((prompt) => strip(prompt as unknown as Item)),
    resources: snapshot.resources.map((resource) => strip(resource as unknown as Item)),
    testCases: snapshot.testCases.map((testCase) => archiveTestCase(testCase) as Item & TargetRef),
  };
}

/** A case's name in change lists: its target's key and its own name ("get_weather/paris", "prompts/greet/formal"). */
export function testCaseKey(testCase: TargetRef & { name: string }) {
  return `${targetKey(testCase)}/${testCase.name}`;
}

/** The fields an import sends for an item (secret names are not a field of the item). */
export function itemFields(item: Item): Item {
  const { secretNames: _secretNames, ...fields } = item;
  return fields as Item;
}

/** Whether the archived item would change the existing one: only the fields it names count. */
function differs(existing: Item, archived: Item): boolean {
  const fields = itemFields(archived);
  const current = Object.fromEntries(Object.keys(fields).map((key) => [key, existing[key] ?? null]));
  const normalized = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? null]));
  return canonicalJson(current) !== canonicalJson(normalized);
}

function checkItem(kind: ItemKind, item: Item): ImportProblem[] {
  const label = `${kind}/${item.name}`;
  const parsed = SCHEMAS[kind].safeParse(itemFields(item));
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const field = issue.path.join(".") || null;
      return { item: label, field, message: field ? `${field}: ${issue.message}` : issue.message };
    });
  }
  const handler = typeof item.handler === "string" ? item.handler : "";
  const needsHandler = (kind === "tools" && item.kind === "data") || (kind === "prompts" && item.mode === "handler");
  if (needsHandler && handler) {
    const check = checkHandlerSyntax(handler);
    if (!check.ok)
      return [{ item: label, field: "handler", message: `handler: line ${check.line}, column ${check.column}: ${check.message}` }];
  }
  return [];
}

function referenceProblems(archive: ProjectArchive): ImportProblem[] {
  const components = new Set(archive.components.map((component) => component.name));
  return archive.tools.flatMap((tool) => {
    const named = [...(typeof tool.component === "string" ? [tool.component] : []), ...((tool.allowedComponents as string[]) ?? [])];
    return named
      .filter((name) => !components.has(name))
      .map((name) => ({
        item: `tools/${tool.name}`,
        field: "component",
        message: `component: no component named "${name}" in the archive`,
      }));
  });
}

function duplicateProblems(archive: ProjectArchive): ImportProblem[] {
  return ITEM_KINDS.flatMap((kind) => {
    const seen = new Set<string>();
    return (archive[kind] as Item[]).flatMap((item) => {
      if (!seen.has(item.name)) {
        seen.add(item.name);
        return [];
      }
      return [{ item: `${kind}/${item.name}`, field: "name", message: `name: "${item.name}" appears twice in ${kind}` }];
    });
  });
}

const TARGET_KINDS = { tool: "tools", prompt: "prompts", resource: "resources" } as const;

function testCaseProblems(archive: ProjectArchive): ImportProblem[] {
  const seen = new Set<string>();
  return (archive.testCases ?? []).flatMap((testCase): ImportProblem[] => {
    const targets = [testCase.tool, testCase.prompt, testCase.resource].filter((name) => name !== undefined);
    const key = testCaseKey(testCase);
    const label = `testCases/${key}`;
    if (targets.length !== 1) return [{ item: label, field: "tool", message: "tool: name exactly one tool, prompt or resource" }];
    if (seen.has(key))
      return [{ item: label, field: "name", message: `name: "${testCase.name}" appears twice for ${targetKey(testCase)}` }];
    seen.add(key);
    const target = targetOf(testCase);
    const kind = TARGET_KINDS[target.kind];
    if (!(archive[kind] as Item[]).some((item) => item.name === target.name))
      return [{ item: label, field: target.kind, message: `${target.kind}: no ${target.kind} named "${target.name}" in the archive` }];
    const { tool: _t, prompt: _p, resource: _r, ...fields } = testCase;
    const parsed = createTestCaseSchema.safeParse(fields);
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => {
        const field = issue.path.join(".") || null;
        return { item: label, field, message: field ? `${field}: ${issue.message}` : issue.message };
      });
    }
    const allowed = expectationKindsFor(target.kind);
    const wrong = parsed.data.expectations.find((expectation) => !allowed.includes(expectation.kind));
    if (wrong)
      return [
        {
          item: label,
          field: "expectations",
          message: `expectations: ${wrong.kind} is not an expectation a ${target.kind}'s test case can have`,
        },
      ];
    const notText = target.kind === "tool" ? undefined : Object.entries(parsed.data.input).find(([, value]) => typeof value !== "string");
    if (notText) return [{ item: label, field: `input.${notText[0]}`, message: `input.${notText[0]}: must be a string` }];
    return [];
  });
}

/** A tool's kind is fixed once created: import deletes a tool whose kind the archive changes and creates it again. */
export function recreatesTool(draftTool: Item | undefined, archived: Item): boolean {
  return draftTool !== undefined && archived.kind !== undefined && draftTool.kind !== archived.kind;
}

/**
 * The test-case part of the preview. Without `testCases` (an archive from before they were
 * exported) the draft's cases stay, except those of items the import deletes, and of tools it
 * deletes and creates again (recreatesTool): their cases go with the deleted tool. With them, a
 * case of a tool created again is created again too, whatever it was before.
 */
function planTestCases(archive: ProjectArchive, draft: Draft, deleted: Record<ItemKind, string[]>): ItemChanges {
  const entry: ItemChanges = { create: [], update: [], delete: [], unchanged: [] };
  const goesWithItem = (testCase: TargetRef) => {
    const target = targetOf(testCase);
    return deleted[TARGET_KINDS[target.kind]].includes(target.name);
  };
  if (!archive.testCases) {
    for (const testCase of draft.testCases) (goesWithItem(testCase) ? entry.delete : entry.unchanged).push(testCaseKey(testCase));
  } else {
    const existing = new Map(draft.testCases.map((testCase) => [testCaseKey(testCase), testCase]));
    for (const testCase of archive.testCases) {
      const current = goesWithItem(testCase) ? undefined : existing.get(testCaseKey(testCase));
      if (!current) entry.create.push(testCaseKey(testCase));
      else if (differs(current, testCase as Item)) entry.update.push(testCaseKey(testCase));
      else entry.unchanged.push(testCaseKey(testCase));
    }
    const keys = new Set(archive.testCases.map(testCaseKey));
    entry.delete = [...existing.keys()].filter((key) => !keys.has(key));
  }
  for (const list of Object.values(entry)) list.sort();
  return entry;
}

/** The preview of importing `archive` onto `draft` (an empty draft for a new project). */
export function planImport(archive: ProjectArchive, draft: Draft): ImportPreview {
  const changes = {} as Record<ItemKind, ItemChanges>;
  // Tools the import deletes and creates again under another kind (their cases go with them).
  const recreated: string[] = [];
  for (const kind of ITEM_KINDS) {
    const existing = new Map(draft[kind].map((item) => [item.name, item]));
    const archived = archive[kind] as Item[];
    const entry: ItemChanges = { create: [], update: [], delete: [], unchanged: [] };
    for (const item of archived) {
      const current = existing.get(item.name);
      if (!current) entry.create.push(item.name);
      else if (differs(current, item)) {
        entry.update.push(item.name);
        if (kind === "tools" && recreatesTool(current, item)) recreated.push(item.name);
      } else entry.unchanged.push(item.name);
    }
    const names = new Set(archived.map((item) => item.name));
    entry.delete = draft[kind].map((item) => item.name).filter((name) => !names.has(name));
    for (const list of Object.values(entry)) list.sort();
    changes[kind] = entry;
  }
  return {
    instructionsChanged: archive.project.instructions !== draft.instructions,
    ...changes,
    testCases: planTestCases(archive, draft, {
      tools: [...changes.tools.delete, ...recreated],
      components: changes.components.delete,
      prompts: changes.prompts.delete,
      resources: changes.resources.delete,
    }),
    secretsToSet: archive.tools
      .map((tool) => {
        const present = new Set((draft.tools.find((item) => item.name === tool.name)?.secretNames as string[] | undefined) ?? []);
        return { tool: tool.name, names: (tool.secretNames ?? []).filter((name) => !present.has(name)).sort() };
      })
      .filter((entry) => entry.names.length > 0),
    problems: [
      ...duplicateProblems(archive),
      ...ITEM_KINDS.flatMap((kind) => (archive[kind] as Item[]).flatMap((item) => checkItem(kind, item))),
      ...referenceProblems(archive),
      ...testCaseProblems(archive),
    ],
  };
}
