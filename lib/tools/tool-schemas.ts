// A tool's field shapes that the browser may use too (the editor, forms, the CLI's checks): no
// server modules here. The server's full create/update schemas, which also check JSON Schemas and
// refuse private networks, are in tool-input.ts.
import { z } from "zod";

export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const toolNameSchema = z
  .string()
  .regex(TOOL_NAME_PATTERN, "must be a lowercase_underscore slug: start with a letter, then letters, digits or _ (max 64)");

export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/,
    "must be a host name like api.example.com or *.example.com",
  );

export const annotationsSchema = z
  .object({
    title: z.string().max(200).optional(),
    readOnlyHint: z.boolean().optional(),
    destructiveHint: z.boolean().optional(),
    idempotentHint: z.boolean().optional(),
    openWorldHint: z.boolean().optional(),
  })
  .strict();

export const presetSchema = z.object({ name: z.string().trim().min(1).max(80), arguments: z.record(z.string(), z.unknown()) });

export const DEFAULT_INPUT_SCHEMA = { type: "object", properties: {}, additionalProperties: false };
export const DEFAULT_HANDLER = "async (props, env) => {\n  return { ok: true };\n}\n";
