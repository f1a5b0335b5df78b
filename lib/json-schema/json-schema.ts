// JSON Schema 2020-12 with Ajv: checking schemas on save, and validating tool
// input and output at call time. Compiled validators are cached by schema text,
// so the MCP hot path compiles each schema once per process.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: true });
addFormats(ajv);

const MAX_CACHED = 1000;
const cache = new Map<string, ValidateFunction>();

/** Why a schema is not a valid JSON Schema 2020-12 object schema, or null. */
export function checkSchemaDefinition(schema: unknown, options: { requireObject?: boolean } = {}): string | null {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return "must be a JSON object";
  if (options.requireObject && (schema as { type?: unknown }).type !== "object") return 'must have "type": "object" at its root';
  if (!ajv.validateSchema(schema)) return ajv.errorsText(ajv.errors, { dataVar: "schema" });
  try {
    ajv.compile(schema);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

export function getValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, validate);
  }
  return validate;
}

export type SchemaViolation = { code: "schema_validation_failed"; message: string; path: string };

function typeName(value: unknown) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** A message a model can act on, e.g. "Property 'price' must be a string, got number". */
export function describeError(error: ErrorObject, data: unknown): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  let message: string;
  const subject = () => (path ? `Property '${path.slice(1).replace(/\//g, ".")}'` : "The value");
  switch (error.keyword) {
    case "required":
      path = `${error.instancePath}/${params.missingProperty}`;
      message = `Missing required property '${path.slice(1).replace(/\//g, ".")}'`;
      break;
    case "additionalProperties":
      path = `${error.instancePath}/${params.additionalProperty}`;
      message = `Unknown property '${path.slice(1).replace(/\//g, ".")}' is not allowed`;
      break;
    case "type":
      message = `${subject()} must be ${/^[aeiou]/.test(String(params.type)) ? "an" : "a"} ${params.type}, got ${typeName(valueAt(data, path))}`;
      break;
    case "enum":
      message = `${subject()} must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    default:
      message = `${subject()} ${error.message ?? "is invalid"}`;
  }
  return { code: "schema_validation_failed", message, path };
}

/** Validates data against a schema; the first violation, or null. */
export function validateAgainst(schema: object, data: unknown): SchemaViolation | null {
  const validate = getValidator(schema);
  if (validate(data)) return null;
  return describeError(validate.errors![0], data);
}
