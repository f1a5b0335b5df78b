// RFC 6901 JSON Pointers, the path format of every validation error and breaking-change warning.

/** One pointer segment: "~" and "/" inside a key are escaped so the path stays a valid pointer. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
