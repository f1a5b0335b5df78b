// Prompt handlers (prompts/get), resource-template handlers (resources/read) and completion
// handlers (completion/complete) run code in the
// sandbox like a Data Tool, so they count against the same rate limits (SPEC §8: the project's Data
// Tool executions per minute, and the caller's own allowance); a public project's anonymous
// callers could otherwise run handlers without limit. Templates filled from the prompt's messages
// and static resources run nothing and are not counted. Like tools/call, they are admitted in the
// MCP factory, after the SDK's own checks; a refusal is a 429 with Retry-After and the request's id.
// Unlike a tool call, a refused handler run leaves no execution record (records are per tool).
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/server";
import type { ProjectRateLimits } from "@/lib/rate-limit/limits";
import { checkToolCallLimits } from "@/lib/rate-limit/tool-call-limits";
import { matchTemplate } from "@/lib/resources/read-resource";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import type { ServeContext, ServedSnapshot } from "./types";

export type HandlerRun = { id: string | number };

/** A prompts/get of a handler prompt, or a resources/read that a template's handler answers. */
export function handlerRunOf(message: unknown, snapshot: ServedSnapshot): HandlerRun | null {
  if (typeof message !== "object" || message === null || Array.isArray(message)) return null;
  const { id, method, params } = message as { id?: unknown; method?: unknown; params?: unknown };
  if ((typeof id !== "string" && typeof id !== "number") || typeof params !== "object" || params === null) return null;
  const fields = params as Record<string, unknown>;
  if (method === "prompts/get") {
    const prompt = snapshot.prompts?.find((candidate) => candidate.name === fields.name);
    return prompt?.mode === "handler" ? { id } : null;
  }
  if (method === "completion/complete" && typeof fields.ref === "object" && fields.ref !== null && typeof fields.argument === "object") {
    const ref = fields.ref as Record<string, unknown>;
    const name = (fields.argument as Record<string, unknown> | null)?.name;
    if (ref.type === "ref/prompt") {
      const prompt = snapshot.prompts?.find((candidate) => candidate.name === ref.name);
      return typeof prompt?.arguments.find((argument) => argument.name === name)?.complete === "string" ? { id } : null;
    }
    const template = snapshot.resources?.find((resource) => resource.kind === "template" && resource.uri === ref.uri);
    return typeof name === "string" && typeof template?.completions[name] === "string" ? { id } : null;
  }
  if (method === "resources/read" && typeof fields.uri === "string") {
    const resources = snapshot.resources ?? [];
    if (resources.some((resource) => resource.kind === "static" && resource.uri === fields.uri)) return null;
    return matchTemplate(resources, fields.uri) ? { id } : null;
  }
  return null;
}

export async function admitHandlerRun(options: {
  run: HandlerRun;
  era: "legacy" | "modern";
  request: Request;
  snapshot: ServedSnapshot;
  context: ServeContext;
  limits: ProjectRateLimits | undefined;
}): Promise<Response | null> {
  if (!options.limits) return null;
  // A 2025-era request the SDK's transport will refuse for its protocol version is not counted.
  const version = options.request.headers.get("mcp-protocol-version");
  if (options.era === "legacy" && version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return null;
  const decision = await checkToolCallLimits({
    projectId: options.snapshot.projectId,
    limits: options.limits,
    caller: options.context.caller,
    clientIp: options.context.clientIp,
    isDataTool: true,
  });
  if (decision.allowed) return null;
  return jsonRpcErrorResponse(429, decision.message, { "Retry-After": String(decision.retryAfterSeconds) }, options.run.id);
}
