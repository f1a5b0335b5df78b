// Reading a tool's input schema (JSON Schema 2020-12) well enough to build a form: the common
// shapes get real controls; anything else (anyOf, $ref, …) falls back to a JSON text field.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  title?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
};

export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "array" | "object" | "json";

export function asSchema(value: unknown): JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== "null");
  return schema.type;
}

export function fieldKind(schema: JsonSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return "enum";
  const type = primaryType(schema);
  if (type === "object" || (!type && schema.properties)) return "object";
  if (type === "array") return "array";
  if (type === "string" || type === "number" || type === "integer" || type === "boolean") return type;
  return "json";
}

/** A new array item: the item schema's default, or an empty value of its kind. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  switch (fieldKind(schema)) {
    case "object":
      return {};
    case "array":
      return [];
    case "boolean":
      return false;
    case "enum":
      return schema.enum?.[0];
    case "string":
      return "";
    default:
      return undefined;
  }
}

/** Starting arguments: every property's `default`, nothing else. */
export function defaultArguments(schema: JsonSchema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const propertySchema = asSchema(property);
    if (propertySchema.default !== undefined) result[name] = structuredClone(propertySchema.default);
  }
  return result;
}

/** JSON Pointer segment escaping (RFC 6901), for matching server error paths to fields. */
export function pointerTo(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
