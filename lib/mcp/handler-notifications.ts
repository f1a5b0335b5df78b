// What a handler says to the client while it runs (lib/sandbox/content-helper.ts), per tools/call:
// - mcp.log → notifications/message through the SDK's ctx.mcpReq.log, which applies the level the
//   client asked for: on a 2026-07-28 request, the per-request log level of its envelope (none:
//   nothing is sent); on a 2025-era request, the level set with logging/setLevel — which a
//   stateless server never remembers from another request, so every level is sent.
// - mcp.progress → notifications/progress, only when the request carried a progress token.
// - mcp.elicit / mcp.sample → answered from the request's inputResponses (a 2026-07-28 retry);
//   without an answer the handler stops and the call becomes an input-required result (SEP-2322)
//   asking for every question it reached. A 2026-07-28 client that did not declare the capability
//   gets -32021 (MissingRequiredClientCapabilityError); a 2025-era client an error result: over
//   stateless HTTP its answer to a server-to-client request would arrive as another request, with
//   no handler waiting for it.
import { createHash } from "node:crypto";
import {
  type CallToolResult,
  inputRequired,
  MissingRequiredClientCapabilityError,
  ProtocolError,
  ProtocolErrorCode,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { canonicalJson } from "@/lib/packages/canonical-json";
import type { McpEventListener } from "@/lib/sandbox";
import { toolErrorResult } from "./tool-results";

const CLIENT_CAPABILITIES_META_KEY = "io.modelcontextprotocol/clientCapabilities";

type Method = "elicitation/create" | "sampling/createMessage";
type PendingInput = { key: string; method: Method; params: unknown };

/** What a call's answers are bound to. */
export function callBinding(projectId: string, environment: string, toolName: string, args: unknown): string {
  return canonicalJson({ projectId, environment, toolName, args: args ?? {} });
}

export type HandlerChannel = {
  listener: McpEventListener;
  /** Questions the handler asked that this request carried no answer for, in order. */
  pending: PendingInput[];
};

/**
 * `binding` names the call (project, endpoint, tool, arguments): the answers of earlier rounds
 * travel in `requestState` sealed with the server's key for that binding (AES-256-GCM), so a
 * client can neither alter them nor replay them into another call. Each round's `inputResponses`
 * carry only the answers to the previous round's questions.
 */
export function handlerChannel(ctx: ServerContext, binding: string): HandlerChannel & { answers: Record<string, unknown> } {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  const responses = { ...openRequestState(ctx.mcpReq.requestState<string>(), binding), ...(ctx.mcpReq.inputResponses ?? {}) };
  const pending: PendingInput[] = [];
  const failed = (error: unknown) => console.warn(`[mcp] a handler notification could not be sent: ${String(error)}`);
  const listener: McpEventListener = (event) => {
    if (event.kind === "input") {
      const answer = responses[event.key];
      if (answer !== undefined && answer !== null) return JSON.stringify(answer);
      pending.push({ key: event.key, method: event.method, params: event.params });
      return undefined;
    }
    if (event.kind === "log") {
      ctx.mcpReq.log(event.level, event.data).catch(failed);
      return undefined;
    }
    if (progressToken === undefined) return undefined;
    ctx.mcpReq
      .notify({
        method: "notifications/progress",
        params: {
          progressToken,
          progress: event.progress,
          ...(event.total === undefined ? {} : { total: event.total }),
          ...(event.message === undefined ? {} : { message: event.message }),
        },
      })
      .catch(failed);
    return undefined;
  };
  return { listener, pending, answers: responses };
}

function associatedData(binding: string) {
  return `mcp-request-state:${createHash("sha256").update(binding).digest("base64url")}`;
}

function openRequestState(state: string | undefined, binding: string): Record<string, unknown> {
  if (state === undefined || state === "") return {};
  try {
    const answers: unknown = JSON.parse(decryptSecret(state, env().encryptionKey, associatedData(binding)));
    if (typeof answers === "object" && answers !== null && !Array.isArray(answers)) return answers as Record<string, unknown>;
  } catch {
    // Altered, from another call or from another server: refused below.
  }
  throw new ProtocolError(ProtocolErrorCode.InvalidParams, "Invalid requestState: it was not issued by this server for this call");
}

const CAPABILITY: Record<Method, "elicitation" | "sampling"> = {
  "elicitation/create": "elicitation",
  "sampling/createMessage": "sampling",
};

const NEEDS_2026 =
  "asks the user or the client's model for input (elicitation or sampling), which needs a client speaking MCP 2026-07-28: over stateless HTTP a 2025-era client's answer cannot reach the running call.";

type Channel = { pending: PendingInput[]; answers: Record<string, unknown> };

/**
 * The answer to a tools/call whose handler stopped at questions without answers: an
 * input-required result for a 2026-07-28 client that declared what it takes, else an error result
 * saying why (or -32021 for a missing capability).
 */
export function inputRequiredResult(
  ctx: ServerContext,
  channel: Channel,
  binding: string,
): CallToolResult | ReturnType<typeof inputRequired> {
  if (!ctx.mcpReq.envelope) return toolErrorResult({ code: "input_not_supported", message: `This tool ${NEEDS_2026}` });
  return inputRequiredFor(ctx, channel, binding);
}

/** The same for prompts/get and resources/read, which have no error results: a JSON-RPC error for a 2025-era client. */
export function inputRequiredOrThrow(
  ctx: ServerContext,
  channel: Channel,
  binding: string,
  what: string,
): ReturnType<typeof inputRequired> {
  if (!ctx.mcpReq.envelope) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, `This ${what} ${NEEDS_2026}`);
  return inputRequiredFor(ctx, channel, binding);
}

function inputRequiredFor(ctx: ServerContext, channel: Channel, binding: string): ReturnType<typeof inputRequired> {
  const { pending } = channel;
  const envelope = ctx.mcpReq.envelope as Record<string, unknown>;
  const declared = (envelope[CLIENT_CAPABILITIES_META_KEY] ?? {}) as Record<string, unknown>;
  const missing = [...new Set(pending.map((input) => CAPABILITY[input.method]))].filter((capability) => !declared[capability]);
  // SEP-2575: a server must not rely on a capability the client did not declare; -32021 names it.
  if (missing.length > 0) {
    throw new MissingRequiredClientCapabilityError(
      { requiredCapabilities: Object.fromEntries(missing.map((capability) => [capability, {}])) },
      `This call needs the client's ${missing.join(" and ")} capability, which this client did not declare.`,
    );
  }
  const inputRequests: Record<string, unknown> = {};
  for (const input of pending) inputRequests[input.key] = { method: input.method, params: input.params ?? {} };
  return inputRequired({
    inputRequests: inputRequests as Parameters<typeof inputRequired>[0]["inputRequests"],
    requestState: encryptSecret(JSON.stringify(channel.answers), env().encryptionKey, associatedData(binding)),
  });
}
