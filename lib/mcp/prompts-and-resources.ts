// The prompts, resources (besides ui:// components), resource templates and completions of a
// project's MCP server (issue 13 §1, §2, §4), registered on the server create-project-server.ts
// builds per request. Both eras see the same handlers.
import { ProtocolError, ProtocolErrorCode, type Server, type ServerContext } from "@modelcontextprotocol/server";
import { renderPrompt, type RenderContext } from "@/lib/prompts/render-prompt";
import { runHandler } from "@/lib/sandbox";
import { listResourceTemplates, listStaticResources, readResource, type ResourceContents } from "@/lib/resources/read-resource";
import { callBinding, handlerChannel, inputRequiredOrThrow } from "./handler-notifications";
import type { ServeContext, ServedSnapshot } from "./types";

/**
 * Declared whether or not the project has any, so prompts/list and resources/templates/list answer
 * an empty list, never "method not found"; `logging` for handlers' mcp.log (handler-notifications.ts).
 */
export const PROMPT_CAPABILITIES = { prompts: { listChanged: true }, completions: {}, logging: {} };

/** Most values completion/complete returns (the specification's maximum). */
const MAX_COMPLETIONS = 100;

function renderContext(snapshot: ServedSnapshot, context: ServeContext): RenderContext {
  return {
    organizationId: snapshot.organizationId,
    projectId: snapshot.projectId,
    environment: context.environment,
    locale: context.locale,
  };
}

export function registerPrompts(server: Server, snapshot: ServedSnapshot, context: ServeContext) {
  const prompts = snapshot.prompts ?? [];
  const resources = snapshot.resources ?? [];

  server.setRequestHandler("prompts/list", () => ({
    prompts: prompts.map((prompt) => ({
      name: prompt.name,
      ...(prompt.title ? { title: prompt.title } : {}),
      ...(prompt.description ? { description: prompt.description } : {}),
      arguments: prompt.arguments.map((argument) => ({
        name: argument.name,
        ...(argument.description ? { description: argument.description } : {}),
        required: argument.required,
      })),
    })),
  }));

  server.setRequestHandler("prompts/get", async (request, ctx) => {
    const prompt = prompts.find((candidate) => candidate.name === request.params.name);
    if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${request.params.name}`);
    // A handler prompt may log, report progress and ask (input-required), like a Data Tool.
    const binding = callBinding(snapshot.projectId, context.environment, `prompt:${prompt.name}`, request.params.arguments);
    const channel = handlerChannel(ctx, binding);
    let rendered: Awaited<ReturnType<typeof renderPrompt>> | undefined;
    try {
      rendered = await renderPrompt(prompt, request.params.arguments, renderContext(snapshot, context), channel.listener);
    } catch (error) {
      if (channel.pending.length === 0) throw error;
    }
    if (channel.pending.length > 0) return inputRequiredOrThrow(ctx, channel, binding, "prompt");
    if (!rendered) throw new Error("unreachable: a render that failed with nothing pending rethrew");
    const logs = context.environment === "draft" && rendered.logs.length > 0 ? { _meta: { "atelier/logs": rendered.logs } } : {};
    return { ...(rendered.description ? { description: rendered.description } : {}), messages: rendered.messages, ...logs };
  });

  server.setRequestHandler("resources/templates/list", () => ({ resourceTemplates: listResourceTemplates(resources) }));

  server.setRequestHandler("completion/complete", async (request) => {
    const { ref, argument } = request.params;
    let source: string[] | string | undefined;
    if (ref.type === "ref/prompt") {
      const prompt = prompts.find((candidate) => candidate.name === ref.name);
      if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${ref.name}`);
      const declared = prompt.arguments.find((candidate) => candidate.name === argument.name);
      source = declared?.complete ?? declared?.values;
    } else {
      const template = resources.find((resource) => resource.kind === "template" && resource.uri === ref.uri);
      if (!template) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown resource template: ${ref.uri}`);
      source = template.completions[argument.name];
    }
    const others = (request.params.context?.arguments ?? {}) as Record<string, string>;
    // Declared values are filtered by prefix here; a completion handler returns its own matches.
    const matches =
      typeof source === "string"
        ? await runCompletionHandler(source, argument.value, others, renderContext(snapshot, context))
        : (source ?? []).filter((value) => value.toLowerCase().startsWith(argument.value.toLowerCase()));
    return { completion: { values: matches.slice(0, MAX_COMPLETIONS), total: matches.length, hasMore: matches.length > MAX_COMPLETIONS } };
  });
}

/** A completion handler, `async (value, others) => [...]`, in the sandbox (no secrets, no network). */
async function runCompletionHandler(
  code: string,
  value: string,
  others: Record<string, string>,
  context: RenderContext,
): Promise<string[]> {
  const run = await runHandler({
    // The author's function, called with (value, others); the newline ends a trailing // comment.
    code: `async (props) => (${code}
)(props.value, props.others)`,
    props: { value, others },
    env: { secrets: {}, ...context },
    allowedDomains: [],
  });
  if (!run.ok) throw new ProtocolError(ProtocolErrorCode.InternalError, `The completion handler failed: ${run.message}`);
  if (!Array.isArray(run.output) || !run.output.every((item) => typeof item === "string")) {
    throw new ProtocolError(ProtocolErrorCode.InternalError, "The completion handler must return a list of strings");
  }
  return run.output as string[];
}

/** The project's static resources, listed after its components. */
export function listProjectResources(snapshot: ServedSnapshot) {
  return listStaticResources(snapshot.resources ?? []);
}

/**
 * The resources/read answer for a static resource or a template instance of the project (an
 * input-required result when its handler asks, like prompts/get); null when none has this URI.
 */
export async function readProjectResource(
  snapshot: ServedSnapshot,
  uri: string,
  context: ServeContext,
  ctx: ServerContext,
): Promise<{ contents: ResourceContents[] } | ReturnType<typeof inputRequiredOrThrow> | null> {
  const binding = callBinding(snapshot.projectId, context.environment, "resources/read", { uri });
  const channel = handlerChannel(ctx, binding);
  let read: Awaited<ReturnType<typeof readResource>>;
  try {
    read = await readResource(snapshot.resources ?? [], uri, renderContext(snapshot, context), channel.listener);
  } catch (error) {
    if (channel.pending.length === 0) throw error;
    read = null;
  }
  if (channel.pending.length > 0) return inputRequiredOrThrow(ctx, channel, binding, "resource template");
  return read ? { contents: read.contents } : null;
}
