// The tool editor's working copy: what the form holds (schemas as text, limits as typed),
// how it becomes a PATCH body, and how the server's errors map back onto fields.
import type { EditorDiagnostic } from "@/components/code-editor/code-editor";
import { ApiError, errorMessage } from "@/lib/hooks/api-fetch";
import type { Tool, ToolAnnotations, ToolUpdate } from "@/lib/hooks/use-tools";
import { SANDBOX_LIMITS } from "@/lib/sandbox/limits";

export const ANNOTATION_HINTS = [
  { key: "readOnlyHint", label: "Read-only", hint: "Does not change anything outside the tool." },
  { key: "destructiveHint", label: "Destructive", hint: "May delete or overwrite data." },
  { key: "idempotentHint", label: "Idempotent", hint: "Calling it twice with the same input has no extra effect." },
  { key: "openWorldHint", label: "Open world", hint: "Talks to systems outside this project." },
] as const;

export type AnnotationKey = (typeof ANNOTATION_HINTS)[number]["key"];

// The server's rule (TOOL_NAME_PATTERN in lib/tools/tool-input.ts), checked here to answer at once.
export const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export const TOOL_NAME_RULE = "must start with a lowercase letter, then lowercase letters, digits or _ (max 64)";

export type ToolDraft = {
  name: string;
  handler: string;
  inputSchema: string;
  outputSchema: string;
  title: string;
  description: string;
  annotations: Record<AnnotationKey, boolean>;
  timeoutMs: string;
  memoryMb: string;
  allowedDomains: string[];
  component: string | null;
  allowedComponents: string[];
  /** MCP Apps visibility: who may call the tool. */
  visibility: "both" | "model" | "app";
};

const visibilityOf = (values: string[] | undefined): ToolDraft["visibility"] =>
  values?.length !== 1 ? "both" : values[0] === "app" ? "app" : "model";

export type DraftField = keyof ToolDraft | "form";
export type DraftErrors = Partial<Record<DraftField, string>>;

export const LIMITS = SANDBOX_LIMITS;

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function draftFromTool(tool: Tool): ToolDraft {
  const annotations = tool.annotations ?? {};
  return {
    name: tool.name,
    handler: tool.handler,
    inputSchema: pretty(tool.inputSchema),
    outputSchema: tool.outputSchema ? pretty(tool.outputSchema) : "",
    title: tool.title,
    description: tool.description,
    annotations: Object.fromEntries(ANNOTATION_HINTS.map(({ key }) => [key, annotations[key] === true])) as ToolDraft["annotations"],
    timeoutMs: String(tool.timeoutMs),
    memoryMb: String(tool.memoryMb),
    allowedDomains: tool.allowedDomains,
    component: tool.component,
    allowedComponents: tool.allowedComponents,
    visibility: visibilityOf(tool.visibility),
  };
}

export function sameDraft(a: ToolDraft, b: ToolDraft) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function parseSchema(text: string, label: string): { value?: Record<string, unknown>; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return { error: `${label} must be a JSON object, like { "type": "object" }` };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `${label} is not valid JSON: ${errorMessage(error)}` };
  }
}

function parseLimit(text: string, label: string, bounds: { min: number; max: number }, unit: string): { value?: number; error?: string } {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    return {
      error: `${label} must be a whole number from ${bounds.min.toLocaleString("en-US")} to ${bounds.max.toLocaleString("en-US")} ${unit}`,
    };
  }
  return { value };
}

/** The PATCH body for a draft, or the fields to fix first (nothing is sent while JSON is invalid). */
export function draftToUpdate(draft: ToolDraft, kind: Tool["kind"]): { update?: ToolUpdate; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const input = parseSchema(draft.inputSchema, "Input schema");
  const output = draft.outputSchema.trim() ? parseSchema(draft.outputSchema, "Output schema") : { value: null };
  const timeout = parseLimit(draft.timeoutMs, "Timeout", LIMITS.timeoutMs, "ms");
  const memory = parseLimit(draft.memoryMb, "Memory", LIMITS.memoryMb, "MB");
  if (!TOOL_NAME.test(draft.name.trim())) errors.name = `Name ${TOOL_NAME_RULE}`;
  if (input.error) errors.inputSchema = input.error;
  if ("error" in output && output.error) errors.outputSchema = output.error;
  if (timeout.error) errors.timeoutMs = timeout.error;
  if (memory.error) errors.memoryMb = memory.error;
  if (kind === "ui" && !draft.component) errors.component = "Choose the component this tool renders";
  if (Object.keys(errors).length > 0) return { errors };

  const annotations: ToolAnnotations = {};
  for (const { key } of ANNOTATION_HINTS) if (draft.annotations[key]) annotations[key] = true;
  const update: ToolUpdate = {
    name: draft.name.trim(),
    title: draft.title.trim(),
    description: draft.description,
    inputSchema: input.value,
    outputSchema: output.value ?? null,
    annotations,
    timeoutMs: timeout.value,
    memoryMb: memory.value,
    allowedDomains: draft.allowedDomains,
    allowedComponents: draft.allowedComponents,
    visibility: draft.visibility === "both" ? ["model", "app"] : [draft.visibility],
    ...(kind === "data" ? { handler: draft.handler } : { component: draft.component }),
  };
  return { update, errors };
}

const FIELD_LABELS: Partial<Record<DraftField, string>> = {
  name: "Name",
  inputSchema: "Input schema",
  outputSchema: "Output schema",
  timeoutMs: "Timeout",
  memoryMb: "Memory",
  allowedDomains: "Domain",
  allowedComponents: "Allowed component",
  component: "Component",
  title: "Title",
  description: "Description",
  annotations: "Annotations",
  handler: "Handler",
  visibility: "Visibility",
};

function toDraftField(field: string): DraftField | null {
  const top = field.split(".")[0];
  return top in FIELD_LABELS ? (top as DraftField) : null;
}

/**
 * Errors of a failed save, by field. Zod failures come as `fields`; domain failures (handler
 * syntax, missing component) only as a "field: message" message — the handler's line and column
 * are read back from "handler: line L, column C: …". A conflict while renaming is about the name:
 * it is taken, or the tool was published and its name is fixed for good.
 */
export function saveErrors(
  error: unknown,
  options: { renaming?: boolean } = {},
): { errors: DraftErrors; handlerDiagnostic?: EditorDiagnostic } {
  if (!(error instanceof ApiError)) return { errors: { form: errorMessage(error) } };
  if (options.renaming && error.status === 409) return { errors: { name: error.message } };
  const errors: DraftErrors = {};
  for (const { field, message } of error.fields) {
    const key = toDraftField(field);
    if (key && !errors[key]) errors[key] = `${FIELD_LABELS[key]} ${message}`;
  }
  if (Object.keys(errors).length > 0) return { errors };

  const handler = /^handler: line (\d+), column (\d+): ([\s\S]*)$/.exec(error.message);
  if (handler) {
    const [, line, column, message] = handler;
    return {
      errors: { handler: `Line ${line}, column ${column}: ${message}` },
      handlerDiagnostic: { line: Number(line), column: Number(column), message },
    };
  }
  const named = /^([a-zA-Z]+): ([\s\S]*)$/.exec(error.message);
  const key = named ? toDraftField(named[1]) : null;
  if (named && key) return { errors: { [key]: `${FIELD_LABELS[key]}: ${named[2]}` } };
  return { errors: { form: error.message } };
}
