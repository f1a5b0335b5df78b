// The shape of a tool as the API and the domain accept it (SPEC §11 fields). Server-side: it
// checks JSON Schemas and refuses allowed domains that name private networks. Browser-safe field
// shapes are in tool-schemas.ts.
import "server-only";
import { z } from "zod";
import { sandboxConfig } from "@/lib/env";
import { checkSchemaDefinition } from "@/lib/json-schema/json-schema";
import { SANDBOX_LIMITS } from "@/lib/sandbox/limits";
import { refusedHostReason } from "@/lib/sandbox/network-policy";
import { annotationsSchema, domainSchema, presetSchema, toolNameSchema } from "./tool-schemas";

// A Data Tool's allowed domains also may not name this server or a private network (SSRF); the
// address every connection resolves to is checked again when the handler fetches.
const allowedDomainSchema = domainSchema.superRefine((entry, context) => {
  const reason = refusedHostReason(entry.replace(/:\d+$/, ""), sandboxConfig().ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS);
  if (reason) {
    context.addIssue({
      code: "custom",
      message: `${reason}: handlers may only reach public addresses (an operator can allow private networks with ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS)`,
    });
  }
});

const jsonSchemaField = (options: { requireObject: boolean }) =>
  z.record(z.string(), z.unknown()).superRefine((schema, context) => {
    const problem = checkSchemaDefinition(schema, options);
    if (problem) context.addIssue({ code: "custom", message: `is not a valid JSON Schema: ${problem}` });
  });

const editableFields = {
  title: z.string().max(200),
  description: z.string().max(10_000),
  inputSchema: jsonSchemaField({ requireObject: true }),
  outputSchema: jsonSchemaField({ requireObject: true }).nullable(),
  annotations: annotationsSchema,
  handler: z.string().max(200_000),
  component: z.string().nullable(),
  allowedComponents: z.array(z.string()).max(100),
  allowedDomains: z.array(allowedDomainSchema).max(100),
  timeoutMs: z.number().int().min(SANDBOX_LIMITS.timeoutMs.min).max(SANDBOX_LIMITS.timeoutMs.max),
  memoryMb: z.number().int().min(SANDBOX_LIMITS.memoryMb.min).max(SANDBOX_LIMITS.memoryMb.max),
  presets: z.array(presetSchema).max(50),
  /** MCP Apps visibility: "model" (the model may call it), "app" (views may call it), or both. */
  visibility: z
    .array(z.enum(["model", "app"]))
    .min(1, "a tool must be visible to the model, to the app, or both")
    .max(2)
    .transform((values) => (["model", "app"] as const).filter((value) => values.includes(value))),
};

export const createToolSchema = z
  .object({
    name: toolNameSchema,
    kind: z.enum(["data", "ui"]),
    ...editableFields,
  })
  .partial({
    title: true,
    description: true,
    inputSchema: true,
    outputSchema: true,
    annotations: true,
    handler: true,
    component: true,
    allowedComponents: true,
    allowedDomains: true,
    timeoutMs: true,
    memoryMb: true,
    presets: true,
    visibility: true,
  });

export const updateToolSchema = z.object({ name: toolNameSchema, ...editableFields }).partial();

export type CreateToolInput = z.input<typeof createToolSchema>;
export type UpdateToolInput = z.input<typeof updateToolSchema>;
