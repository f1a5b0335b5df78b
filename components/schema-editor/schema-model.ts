// The schema editor's form works on the parsed JSON Schema itself, never on a model of its own:
// each edit changes only the keywords it is about and leaves the rest (format, minimum, $ref, …)
// and the author's key order alone. A renamed property keeps its place; a new one goes last.
export type JsonObject = { [key: string]: unknown };

export const FORM_TYPES = ["string", "number", "integer", "boolean", "object", "array"] as const;
export type FormType = (typeof FORM_TYPES)[number];

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** The single type the form can show, or null for schemas it cannot (["string","null"], $ref, oneOf…). */
export function formType(schema: JsonObject): FormType | null {
  const type = schema.type;
  return typeof type === "string" && (FORM_TYPES as readonly string[]).includes(type) ? (type as FormType) : null;
}

export function properties(schema: JsonObject): [string, JsonObject][] {
  const props = schema.properties;
  if (!isObject(props)) return [];
  return Object.entries(props).map(([name, value]) => [name, isObject(value) ? value : {}]);
}

export function requiredNames(schema: JsonObject): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : [];
}

/** `object` with `key` set to `value`, in place if it was there, last if not; `undefined` removes it. */
export function withKey(object: JsonObject, key: string, value: unknown): JsonObject {
  if (value === undefined) {
    const { [key]: _removed, ...rest } = object;
    return rest;
  }
  return { ...object, [key]: value };
}

/** Keywords that only make sense for some types, dropped when the type changes away from them. */
const TYPE_KEYWORDS: Record<string, FormType[]> = {
  properties: ["object"],
  required: ["object"],
  additionalProperties: ["object"],
  items: ["array"],
  enum: ["string", "number", "integer"],
};

export function withType(schema: JsonObject, type: FormType): JsonObject {
  let next = withKey(schema, "type", type);
  for (const [keyword, types] of Object.entries(TYPE_KEYWORDS)) if (!types.includes(type)) next = withKey(next, keyword, undefined);
  if (type === "object" && !isObject(next.properties)) next = withKey(next, "properties", {});
  if (type === "array" && !isObject(next.items)) next = withKey(next, "items", { type: "string" });
  return next;
}

export function withProperty(schema: JsonObject, name: string, property: JsonObject): JsonObject {
  const props = isObject(schema.properties) ? schema.properties : {};
  return withKey(schema, "properties", { ...props, [name]: property });
}

/** A name not taken yet: field, field_2, field_3, … */
export function freshName(schema: JsonObject, base = "field"): string {
  const taken = new Set(properties(schema).map(([name]) => name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export function withoutProperty(schema: JsonObject, name: string): JsonObject {
  const props = isObject(schema.properties) ? schema.properties : {};
  const { [name]: _removed, ...rest } = props;
  return withRequired(withKey(schema, "properties", rest), name, false);
}

/** Renames in place: same position among the properties, and in `required`. */
export function withRenamedProperty(schema: JsonObject, from: string, to: string): JsonObject {
  if (from === to || !isObject(schema.properties) || to in schema.properties) return schema;
  const renamed = Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name === from ? to : name, value]));
  const next = withKey(schema, "properties", renamed);
  if (!Array.isArray(schema.required)) return next;
  return withKey(
    next,
    "required",
    schema.required.map((name) => (name === from ? to : name)),
  );
}

export function withRequired(schema: JsonObject, name: string, required: boolean): JsonObject {
  const current = requiredNames(schema);
  if (required === current.includes(name)) return schema;
  const next = required ? [...current, name] : current.filter((entry) => entry !== name);
  return withKey(schema, "required", next.length > 0 ? next : undefined);
}

/** Enum values as the form writes them: comma-separated, numbers for numeric types. */
export function enumText(schema: JsonObject): string {
  return Array.isArray(schema.enum)
    ? schema.enum.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join(", ")
    : "";
}

export function parseEnum(text: string, type: FormType): { values?: unknown[]; error?: string } {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { values: undefined };
  if (type === "string") return { values: [...new Set(parts)] };
  const fits = (number: number) => Number.isFinite(number) && (type !== "integer" || Number.isInteger(number));
  const bad = parts.find((part) => !fits(Number(part)));
  if (bad !== undefined) return { error: `“${bad}” is not ${type === "integer" ? "an integer" : "a number"}` };
  return { values: [...new Set(parts.map(Number))] };
}

/** Parses the raw text for the form: an object schema, or why the form cannot show it. */
export function parseForForm(text: string): { schema: JsonObject } | { problem: string } {
  if (!text.trim()) return { problem: "empty" };
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { problem: "The schema must be a JSON object." };
    return { schema: value };
  } catch {
    return { problem: "The JSON has a syntax error. Fix it in the JSON view to use the form." };
  }
}

export const serializeSchema = (schema: JsonObject) => JSON.stringify(schema, null, 2);
