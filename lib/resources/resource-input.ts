// The shape of a resource as the API, the editor and the domain accept it (issue 13 §2): a static
// resource (a URI with text or base64 contents) or a resource template (an RFC 6570 URI template
// whose handler returns the contents for its variables).
import { UriTemplate } from "@modelcontextprotocol/server";
import { z } from "zod";
import { toolNameSchema } from "@/lib/tools/tool-schemas";

/** The largest static contents: text in UTF-8 bytes, or binary once decoded from base64. */
export const MAX_RESOURCE_BYTES = 1024 * 1024;

/**
 * Schemes a project's resources may not use: `ui://` is the components', and web or local
 * addresses would tell hosts to fetch something other than this server's resource.
 */
export const RESERVED_SCHEMES = ["ui", "http", "https", "file", "data", "javascript", "blob", "about"];

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/./i;

export function uriProblem(uri: string, kind: "static" | "template"): string | null {
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) return "must be an absolute URI like notes://today (scheme://…)";
  if (RESERVED_SCHEMES.includes(scheme)) return `must not use the ${scheme}:// scheme; choose the project's own, like notes://…`;
  const isTemplate = UriTemplate.isTemplate(uri);
  if (kind === "static") return isTemplate ? "has a {variable}: make it a resource template instead" : null;
  if (!isTemplate) return "must have at least one {variable} (RFC 6570), like notes://days/{date}";
  try {
    if (new UriTemplate(uri).variableNames.length === 0) return "must have at least one {variable} (RFC 6570)";
  } catch (error) {
    return `is not a valid RFC 6570 URI template: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

const editableFields = {
  uri: z.string().trim().min(1).max(2_000),
  title: z.string().max(200),
  description: z.string().max(10_000),
  mimeType: z.string().trim().min(1).max(200),
  /** Static text contents (one of text or blob). */
  text: z.string().nullable(),
  /** Static binary contents, base64 (one of text or blob). */
  blob: base64.nullable(),
  /** A template's handler: `async (variables, env) => …`. */
  handler: z.string().max(200_000),
  /**
   * What completion/complete offers per template variable: values (prefix match), or a completion
   * handler's code, `async (value, variables) => [...]` (sandboxed).
   */
  completions: z.record(z.string(), z.union([z.array(z.string().max(500)).max(200), z.string().max(50_000)])),
};

export const createResourceSchema = z
  .object({ name: toolNameSchema, kind: z.enum(["static", "template"]), ...editableFields })
  .partial({ kind: true, title: true, description: true, mimeType: true, text: true, blob: true, handler: true, completions: true });
export const updateResourceSchema = z.object({ name: toolNameSchema, ...editableFields }).partial();

export type CreateResourceInput = z.input<typeof createResourceSchema>;
export type UpdateResourceInput = z.input<typeof updateResourceSchema>;
