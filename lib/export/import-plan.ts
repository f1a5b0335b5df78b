// What importing an archive onto a draft would change — per tool, component, prompt and
// resource: create, update, delete or unchanged — and what is wrong with it, item by item, before
// anything is written. Items are checked with their domain's own create schema, so the problems
// read as the editor's would ("tools/get_weather: inputSchema: is not a valid JSON Schema: …").
import type { z } from "zod";
import { createComponentSchema } from "@/lib/components/components";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { createPromptSchema } from "@/lib/prompts/prompt-input";
import { createResourceSchema } from "@/lib/resources/resource-input";
import { checkHandlerSyntax } from "@/lib/sandbox";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { createToolSchema } from "@/lib/tools/tool-input";
import type { ProjectArchive } from "./archive-schema";
import { archiveComponent, archiveTool } from "./export-project";

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

type Draft = { instructions: string } & Record<ItemKind, Item[]>;

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
  };
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

/** The preview of importing `archive` onto `draft` (an empty draft for a new project). */
export function planImport(archive: ProjectArchive, draft: Draft): ImportPreview {
  const changes = {} as Record<ItemKind, ItemChanges>;
  for (const kind of ITEM_KINDS) {
    const existing = new Map(draft[kind].map((item) => [item.name, item]));
    const archived = archive[kind] as Item[];
    const entry: ItemChanges = { create: [], update: [], delete: [], unchanged: [] };
    for (const item of archived) {
      const current = existing.get(item.name);
      if (!current) entry.create.push(item.name);
      else if (differs(current, item)) entry.update.push(item.name);
      else entry.unchanged.push(item.name);
    }
    const names = new Set(archived.map((item) => item.name));
    entry.delete = draft[kind].map((item) => item.name).filter((name) => !names.has(name));
    for (const list of Object.values(entry)) list.sort();
    changes[kind] = entry;
  }
  return {
    instructionsChanged: archive.project.instructions !== draft.instructions,
    ...changes,
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
    ],
  };
}
