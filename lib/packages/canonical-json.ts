// Canonical JSON: the one serialization a package's digest and signature cover, so the same
// content always gives the same bytes. Object keys are sorted by UTF-16 code units (as in RFC 8785,
// JCS), there is no whitespace, and strings and numbers are written as JSON.stringify writes them.
// Anything JSON cannot represent faithfully (undefined in an array, NaN, functions, class
// instances such as Date) is refused rather than silently changed.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(",")}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined) // as JSON.stringify: an absent member
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(value[key], `${path}.${key}`)}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${path} is ${describe(value)}, which is not plain JSON data`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "object") return `an instance of ${value?.constructor?.name ?? "an unknown class"}`;
  return `a ${typeof value}`;
}
