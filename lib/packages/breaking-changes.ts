// Breaking-change detection between two versions of a project's tools, for the publish dialog's
// warnings and the semver suggestion. Pure: schemas in, findings out.
//
// A change is breaking when a call or a result that was valid before may stop being valid:
// - input: a tool or a property disappears (or is renamed), a property becomes required, or a
//   property accepts fewer values (type set shrinks, number → integer, enum values removed,
//   tighter bounds or a new pattern/format);
// - output: hosts rely on what comes back, so removing a property, changing its type to one that
//   was not returned before, or no longer always returning it breaks them.
// It is deliberately conservative and structural: `properties`, `required`, `items`, `type`,
// `enum`/`const` and bounds are compared; combinators (`anyOf`, `$ref`…) are not analysed.
import { escapePointer } from "@/lib/json-schema/json-pointer";
import { canonicalJson } from "./canonical-json";
import type { ManifestTool } from "./manifest";

export type BreakingChangeKind =
  | "tool_removed"
  | "property_removed"
  | "property_renamed"
  | "property_newly_required"
  | "type_narrowed"
  | "output_incompatible"
  // Prompts and resources (prompt-resource-changes.ts).
  | "prompt_removed"
  | "prompt_argument_removed"
  | "prompt_argument_newly_required"
  | "resource_removed"
  | "resource_uri_changed";

/** `path` is a JSON Pointer into the tool's arguments (or result); `*` stands for any array item. */
export type BreakingChange = { tool: string; kind: BreakingChangeKind; path: string; message: string };

/** A new optional input property: not breaking, but a feature (a minor version). */
export type AddedInput = { tool: string; path: string };

export type ToolChangeAnalysis = { breakingChanges: BreakingChange[]; addedOptionalInputs: AddedInput[] };

type Tool = Pick<ManifestTool, "name" | "inputSchema" | "outputSchema">;
type Schema = Record<string, unknown> | boolean;
type Report = (kind: BreakingChangeKind, path: string, message: string) => void;

export function analyzeToolChanges(before: Tool[], after: Tool[]): ToolChangeAnalysis {
  const breakingChanges: BreakingChange[] = [];
  const addedOptionalInputs: AddedInput[] = [];
  const afterByName = new Map(after.map((tool) => [tool.name, tool]));
  for (const old of [...before].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const report: Report = (kind, path, message) => breakingChanges.push({ tool: old.name, kind, path, message });
    const current = afterByName.get(old.name);
    if (!current) {
      report("tool_removed", "", `Tool '${old.name}' was removed: hosts that call it will get an error.`);
      continue;
    }
    compareInput(old.inputSchema, current.inputSchema, "", report, (path) => addedOptionalInputs.push({ tool: old.name, path }));
    if (old.outputSchema && !current.outputSchema) {
      report("output_incompatible", "", "The output schema was removed: hosts can no longer rely on the shape of the result.");
    } else if (old.outputSchema && current.outputSchema) {
      compareOutput(old.outputSchema, current.outputSchema, "", report);
    }
  }
  return { breakingChanges, addedOptionalInputs };
}

export function detectBreakingChanges(before: Tool[], after: Tool[]): BreakingChange[] {
  return analyzeToolChanges(before, after).breakingChanges;
}

// ── input: every value accepted before must still be accepted ──────────────────────────────────

function compareInput(oldSchema: Schema, currentSchema: Schema, path: string, report: Report, added: (path: string) => void) {
  if (currentSchema === false) {
    if (oldSchema !== false) report("type_narrowed", path, `${subject(path)} no longer accepts any value.`);
    return;
  }
  if (oldSchema === false) return; // nothing was accepted before, so nothing can break
  const old = objectSchema(oldSchema);
  const current = objectSchema(currentSchema);

  const oldTypes = typesOf(old);
  const newTypes = typesOf(current);
  if (newTypes && !oldTypes) {
    report("type_narrowed", path, `${subject(path)} now only accepts ${list(newTypes)}; it accepted any type.`);
  } else if (newTypes && oldTypes) {
    const lost = [...oldTypes].filter((type) => !accepts(newTypes, type));
    if (lost.length === 1 && lost[0] === "number" && newTypes.has("integer")) {
      report("type_narrowed", path, `${subject(path)} changed from number to integer: fractional values are now refused.`);
    } else if (lost.length) {
      report("type_narrowed", path, `${subject(path)} no longer accepts ${list(lost)} (now ${list(newTypes)}).`);
    }
  }
  compareAllowedValues(old, current, path, report);
  compareBounds(old, current, path, report);
  compareInputProperties(old, current, path, report, added);
  if (isSchema(current.items)) compareInput(isSchema(old.items) ? old.items : true, current.items, `${path}/*`, report, added);
}

function compareAllowedValues(old: Record<string, unknown>, current: Record<string, unknown>, path: string, report: Report) {
  if (Array.isArray(current.enum)) {
    if (!Array.isArray(old.enum)) {
      report("type_narrowed", path, `${subject(path)} is now restricted to ${values(current.enum)}.`);
    } else {
      const removed = difference(old.enum, current.enum);
      if (removed.length) report("type_narrowed", path, `${subject(path)} no longer accepts ${values(removed)}.`);
    }
  }
  if ("const" in current && (!("const" in old) || canonicalJson(old.const) !== canonicalJson(current.const))) {
    report("type_narrowed", path, `${subject(path)} now only accepts ${JSON.stringify(current.const)}.`);
  }
}

// Upper bounds may not go down, lower bounds may not go up; a new bound is a tighter one.
const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];

function compareBounds(old: Record<string, unknown>, current: Record<string, unknown>, path: string, report: Report) {
  for (const [keywords, tighter] of [
    [UPPER_BOUNDS, (before: number, after: number) => after < before],
    [LOWER_BOUNDS, (before: number, after: number) => after > before],
  ] as const) {
    for (const keyword of keywords) {
      const before = old[keyword];
      const after = current[keyword];
      if (typeof after !== "number") continue;
      if (typeof before !== "number") report("type_narrowed", path, `${subject(path)} gained ${keyword} ${after}.`);
      else if (tighter(before, after)) report("type_narrowed", path, `${subject(path)}: ${keyword} went from ${before} to ${after}.`);
    }
  }
  for (const keyword of ["pattern", "format"]) {
    const after = current[keyword];
    if (typeof after === "string" && after !== old[keyword]) {
      report("type_narrowed", path, `${subject(path)} must now match ${keyword} ${JSON.stringify(after)}.`);
    }
  }
}

function compareInputProperties(
  old: Record<string, unknown>,
  current: Record<string, unknown>,
  path: string,
  report: Report,
  added: (path: string) => void,
) {
  const oldProperties = propertiesOf(old);
  const newProperties = propertiesOf(current);
  const oldRequired = requiredOf(old);
  const newRequired = requiredOf(current);
  const addedNames = Object.keys(newProperties).filter((name) => !(name in oldProperties));
  const renamedTo = new Map<string, string>(); // added name → removed name it replaces

  for (const name of Object.keys(oldProperties).filter((name) => !(name in newProperties))) {
    // A removed and an added property with the same schema, at the same level: a rename.
    const twin = addedNames.find((candidate) => !renamedTo.has(candidate) && sameSchema(oldProperties[name], newProperties[candidate]));
    if (twin) {
      renamedTo.set(twin, name);
      report(
        "property_renamed",
        child(path, name),
        `Property '${label(child(path, name))}' was renamed to '${label(child(path, twin))}': hosts still send '${name}'.`,
      );
    } else {
      report(
        "property_removed",
        child(path, name),
        `Property '${label(child(path, name))}' was removed: hosts that send it will be refused or ignored.`,
      );
    }
  }

  for (const name of newRequired) {
    if (oldRequired.has(name)) continue;
    const replaced = renamedTo.get(name);
    if (replaced !== undefined && oldRequired.has(replaced)) continue; // the rename already says it
    const existed = name in oldProperties || replaced !== undefined;
    const where = label(child(path, name));
    report(
      "property_newly_required",
      child(path, name),
      existed
        ? `Property '${where}' is now required: calls without it will be refused.`
        : `New required property '${where}': calls from hosts that do not know it will be refused.`,
    );
  }

  for (const name of addedNames) {
    if (!renamedTo.has(name) && !newRequired.has(name)) added(child(path, name));
  }
  for (const name of Object.keys(oldProperties)) {
    if (name in newProperties) compareInput(asSchema(oldProperties[name]), asSchema(newProperties[name]), child(path, name), report, added);
  }
}

// ── output: every result returned now must have been possible before ──────────────────────────

function compareOutput(oldSchema: Schema, currentSchema: Schema, path: string, report: Report) {
  if (oldSchema === false) {
    if (currentSchema !== false) report("output_incompatible", path, `${outputSubject(path)} may now be returned.`);
    return;
  }
  if (currentSchema === false) return; // never returned any more: nothing unexpected can arrive
  const old = objectSchema(oldSchema);
  const current = objectSchema(currentSchema);
  const oldTypes = typesOf(old);
  const newTypes = typesOf(current);
  if (oldTypes && !newTypes) {
    report("output_incompatible", path, `${outputSubject(path)} may now be of any type (was ${list(oldTypes)}).`);
  } else if (oldTypes && newTypes) {
    const gained = [...newTypes].filter((type) => !accepts(oldTypes, type));
    if (gained.length)
      report("output_incompatible", path, `${outputSubject(path)} changed type from ${list(oldTypes)} to ${list(newTypes)}.`);
  }
  if (Array.isArray(old.enum)) {
    const gained = Array.isArray(current.enum) ? difference(current.enum, old.enum) : null;
    if (gained === null) report("output_incompatible", path, `${outputSubject(path)} is no longer limited to ${values(old.enum)}.`);
    else if (gained.length) report("output_incompatible", path, `${outputSubject(path)} may now be ${values(gained)}.`);
  }

  const oldProperties = propertiesOf(old);
  const newProperties = propertiesOf(current);
  const newRequired = requiredOf(current);
  for (const name of Object.keys(oldProperties)) {
    const at = child(path, name);
    if (!(name in newProperties)) {
      report("output_incompatible", at, `Output property '${label(at)}' was removed: hosts that read it will break.`);
      continue;
    }
    compareOutput(asSchema(oldProperties[name]), asSchema(newProperties[name]), at, report);
  }
  for (const name of requiredOf(old)) {
    if (name in oldProperties && !(name in newProperties)) continue; // reported as removed
    if (!newRequired.has(name))
      report("output_incompatible", child(path, name), `Output property '${label(child(path, name))}' is no longer always returned.`);
  }
  if (isSchema(old.items)) compareOutput(old.items, isSchema(current.items) ? current.items : true, `${path}/*`, report);
}

// ── schema helpers ─────────────────────────────────────────────────────────────────────────────

function isSchema(value: unknown): value is Schema {
  return typeof value === "boolean" || (typeof value === "object" && value !== null && !Array.isArray(value));
}

function asSchema(value: unknown): Schema {
  return isSchema(value) ? value : true;
}

/** `true` (anything goes) as the equivalent empty schema, so one code path handles both. */
function objectSchema(schema: Exclude<Schema, false>): Record<string, unknown> {
  return schema === true ? {} : schema;
}

/** The JSON types a schema allows, or null when it does not say (any type). */
function typesOf(schema: Record<string, unknown>): Set<string> | null {
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.filter((type): type is string => typeof type === "string"));
  return null;
}

/** Whether a value of JSON type `type` passes a `types` constraint; every integer is a number. */
function accepts(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

function propertiesOf(schema: Record<string, unknown>): Record<string, unknown> {
  return typeof schema.properties === "object" && schema.properties !== null ? (schema.properties as Record<string, unknown>) : {};
}

function requiredOf(schema: Record<string, unknown>): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : []);
}

function sameSchema(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? true) === canonicalJson(b ?? true);
}

function difference(from: unknown[], without: unknown[]): unknown[] {
  const kept = new Set(without.map((value) => canonicalJson(value)));
  return from.filter((value) => !kept.has(canonicalJson(value)));
}

function child(path: string, name: string): string {
  return `${path}/${escapePointer(name)}`;
}

/** "/address/city" → "address.city", the way validation errors name properties. */
function label(path: string): string {
  return path.slice(1).replace(/\//g, ".");
}

function subject(path: string): string {
  return path ? `Property '${label(path)}'` : "The input";
}

function outputSubject(path: string): string {
  return path ? `Output property '${label(path)}'` : "The output";
}

function list(types: Iterable<string>): string {
  return [...types].join(" or ");
}

function values(items: unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join(", ");
}
