// The shape of a prompt as the API, the editor and the domain accept it (issue 13 §1): a name with
// the tools' slug rules, title, description, arguments, and either a message template or a
// handler. The same message schema checks what a handler returns.
import { z } from "zod";
import { toolNameSchema } from "@/lib/tools/tool-schemas";

export const promptNameSchema = toolNameSchema;

export const promptArgumentSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be letters, digits or _, starting with a letter or _ (max 64)"),
    description: z.string().max(2_000).default(""),
    required: z.boolean().default(false),
    /** Offered by completion/complete for this argument (prefix match). */
    values: z.array(z.string().max(500)).max(200).optional(),
    /** Or a completion handler, `async (value, args) => [...]` (sandboxed; wins over `values`). */
    complete: z.string().max(50_000).optional(),
  })
  .strict();

const resourceContents = z.union([
  z.object({ uri: z.string().min(1).max(2_000), mimeType: z.string().max(200).optional(), text: z.string() }).strict(),
  z.object({ uri: z.string().min(1).max(2_000), mimeType: z.string().max(200).optional(), blob: z.string() }).strict(),
]);

export const promptContentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().max(200_000) }).strict(),
  z.object({ type: z.literal("image"), data: z.string().max(2_000_000), mimeType: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal("audio"), data: z.string().max(2_000_000), mimeType: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal("resource"), resource: resourceContents }).strict(),
]);

export const promptMessageSchema = z.object({ role: z.enum(["user", "assistant"]), content: promptContentSchema }).strict();

export type PromptArgument = z.infer<typeof promptArgumentSchema>;
export type PromptMessage = z.infer<typeof promptMessageSchema>;

const editableFields = {
  title: z.string().max(200),
  description: z.string().max(10_000),
  arguments: z
    .array(promptArgumentSchema)
    .max(50)
    .refine((list) => new Set(list.map((argument) => argument.name)).size === list.length, "argument names must be unique"),
  mode: z.enum(["template", "handler"]),
  messages: z.array(promptMessageSchema).max(50),
  handler: z.string().max(200_000),
};

export const createPromptSchema = z
  .object({ name: promptNameSchema, ...editableFields })
  .partial({ title: true, description: true, arguments: true, mode: true, messages: true, handler: true });
export const updatePromptSchema = z.object({ name: promptNameSchema, ...editableFields }).partial();

export type CreatePromptInput = z.input<typeof createPromptSchema>;
export type UpdatePromptInput = z.input<typeof updatePromptSchema>;

/** `{{name}}` placeholders of a template (spaces inside the braces allowed). */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholders that name no declared argument, for a clear error at save. */
export function unknownPlaceholders(messages: PromptMessage[], argumentNames: string[]): string[] {
  const declared = new Set(argumentNames);
  const unknown = new Set<string>();
  for (const text of templateTexts(messages)) {
    for (const match of text.matchAll(PLACEHOLDER)) if (!declared.has(match[1])) unknown.add(match[1]);
  }
  return [...unknown].sort();
}

function templateTexts(messages: PromptMessage[]): string[] {
  return messages.flatMap(({ content }) =>
    content.type === "text"
      ? [content.text]
      : content.type === "resource"
        ? [content.resource.uri, ...("text" in content.resource ? [content.resource.text] : [])]
        : [],
  );
}
