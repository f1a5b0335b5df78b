// SHA-256 over the canonical JSON of a call's input and output (SPEC §9): the same bytes for the
// same content whatever the key order, so a record's hash can be checked against a value later.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/packages/canonical-json";

/**
 * The canonical JSON text of a value. Inputs and outputs are parsed JSON, so canonicalJson never
 * refuses them in practice; if a value ever holds something JSON cannot say (a class instance),
 * the record keeps JSON.stringify's rendering rather than losing the call.
 */
export function canonicalJsonText(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return JSON.stringify(value) ?? "null";
  }
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
