// prompts/get for one prompt of a served snapshot: check the arguments, then fill the template or
// run the handler in the Data Tool sandbox. Prompts have no error results (unlike tools), so a
// refusal is a JSON-RPC error: -32602 for arguments the prompt does not accept, -32603 naming what
// the handler did wrong.
import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type LogEntry, type McpEventListener, runHandler } from "@/lib/sandbox";
import { PLACEHOLDER, promptMessageSchema, type PromptArgument, type PromptMessage } from "./prompt-input";

export type ServedPrompt = {
  name: string;
  title: string;
  description: string;
  arguments: PromptArgument[];
  mode: "template" | "handler";
  messages: PromptMessage[];
  handler: string;
};

export type RenderContext = {
  organizationId: string;
  projectId: string;
  environment: "draft" | "production";
  locale: string;
};

export type RenderedPrompt = { description?: string; messages: PromptMessage[]; logs: LogEntry[] };

/** Every required argument present, no undeclared one, every value a string (MCP prompt arguments are strings). */
export function checkPromptArguments(prompt: ServedPrompt, args: Record<string, unknown>): Record<string, string> {
  const declared = new Map(prompt.arguments.map((argument) => [argument.name, argument]));
  const unknown = Object.keys(args).filter((name) => !declared.has(name));
  if (unknown.length) {
    const accepted = prompt.arguments.length
      ? `it accepts ${prompt.arguments.map((argument) => argument.name).join(", ")}`
      : "it takes none";
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Prompt ${prompt.name} has no argument ${unknown.join(", ")} (${accepted})`);
  }
  const missing = prompt.arguments.filter(
    (argument) => argument.required && (args[argument.name] === undefined || args[argument.name] === ""),
  );
  if (missing.length) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `Prompt ${prompt.name} needs the argument${missing.length > 1 ? "s" : ""} ${missing.map((argument) => argument.name).join(", ")}`,
    );
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (typeof value !== "string")
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Argument ${name} of prompt ${prompt.name} must be a string`);
    values[name] = value;
  }
  return values;
}

/** `{{name}}` → the argument's value ("" for an optional argument left out). */
export function fillTemplate(messages: PromptMessage[], values: Record<string, string>): PromptMessage[] {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? "");
  return messages.map((message) => {
    const { content } = message;
    if (content.type === "text") return { ...message, content: { ...content, text: fill(content.text) } };
    if (content.type === "resource") {
      const resource = "text" in content.resource ? { ...content.resource, text: fill(content.resource.text) } : content.resource;
      return { ...message, content: { ...content, resource: { ...resource, uri: fill(resource.uri) } } };
    }
    return message;
  });
}

const handlerOutputSchema = z.union([
  z.array(promptMessageSchema),
  z.object({ description: z.string().optional(), messages: z.array(promptMessageSchema) }).strict(),
]);

export async function renderPrompt(
  prompt: ServedPrompt,
  rawArgs: Record<string, unknown> | undefined,
  context: RenderContext,
  /** mcp.log / mcp.progress / mcp.elicit / mcp.sample of a handler (lib/mcp/handler-notifications.ts). */
  onMcpEvent?: McpEventListener,
): Promise<RenderedPrompt> {
  const values = checkPromptArguments(prompt, rawArgs ?? {});
  const description = prompt.description || undefined;
  if (prompt.mode === "template") return { description, messages: fillTemplate(prompt.messages, values), logs: [] };

  // A prompt handler gets the arguments as props, and neither secrets nor network access: it
  // builds messages, it does not call services (a Data Tool does).
  const run = await runHandler({
    code: prompt.handler,
    props: values,
    env: {
      secrets: {},
      organizationId: context.organizationId,
      projectId: context.projectId,
      environment: context.environment,
      locale: context.locale,
    },
    allowedDomains: [],
    onMcpEvent,
  });
  if (!run.ok) throw new ProtocolError(ProtocolErrorCode.InternalError, `The handler of prompt ${prompt.name} failed: ${run.message}`);
  const output = typeof run.output === "string" ? [{ role: "user", content: { type: "text", text: run.output } }] : run.output;
  const parsed = handlerOutputSchema.safeParse(output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      `The handler of prompt ${prompt.name} returned something that is not a list of messages (${issue.path.join(".") || "value"}: ${issue.message}). Return [{ role: "user", content: { type: "text", text } }, …].`,
    );
  }
  if (Array.isArray(parsed.data)) return { description, messages: parsed.data, logs: run.logs };
  return { description: parsed.data.description ?? description, messages: parsed.data.messages, logs: run.logs };
}
