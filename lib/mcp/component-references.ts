// UI Tool allowlist, enforced on the server: props may reference components only by
// `ui://{projectSlug}/{name}` strings or `{ "$component": "name" }` objects, and every such
// reference must be the tool's root component or in its allowlist. Anything that looks like a
// reference but is not allowed (another project's URI, a non-string `$component`) is refused too,
// so a reference the server cannot vouch for never reaches the host.
import { escapePointer } from "@/lib/json-schema/json-pointer";
import { componentNameFromUri, isUiUri } from "./component-uri";

export type ComponentViolation = { code: "component_not_allowed"; message: string; path: string };

const COMPONENT_KEY = "$component";

export function findDisallowedComponent(
  props: unknown,
  options: { projectSlug: string; allowed: ReadonlySet<string> },
): ComponentViolation | null {
  const refuse = (reference: string, path: string): ComponentViolation => ({
    code: "component_not_allowed",
    message: `Component '${reference}' is not in this tool's allowlist`,
    path,
  });

  function visit(value: unknown, path: string): ComponentViolation | null {
    if (typeof value === "string") {
      if (!isUiUri(value)) return null;
      const name = componentNameFromUri(value, options.projectSlug);
      return name !== null && options.allowed.has(name) ? null : refuse(name ?? value, path);
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const violation = visit(item, `${path}/${index}`);
        if (violation) return violation;
      }
      return null;
    }
    if (value === null || typeof value !== "object") return null;
    const record = value as Record<string, unknown>;
    if (COMPONENT_KEY in record) {
      const reference = record[COMPONENT_KEY];
      // `{ "$component": "ui://{projectSlug}/{name}" }` is accepted as well as the bare name.
      const name = typeof reference === "string" && isUiUri(reference) ? componentNameFromUri(reference, options.projectSlug) : reference;
      if (typeof name !== "string" || !options.allowed.has(name)) {
        return refuse(typeof reference === "string" ? reference : JSON.stringify(reference), `${path}/${escapePointer(COMPONENT_KEY)}`);
      }
    }
    for (const [key, item] of Object.entries(record)) {
      if (key === COMPONENT_KEY) continue;
      const violation = visit(item, `${path}/${escapePointer(key)}`);
      if (violation) return violation;
    }
    return null;
  }

  return visit(props, "");
}
