// Answers one MCP HTTP request for a project snapshot, in either protocol era: the SDK's
// createMcpHandler serves 2026-07-28 requests (per-request `_meta` envelope, server/discover)
// and, with `legacy: "stateless"`, 2025-era clients (initialize handshake, no sessions) from
// the same factory, so both eras always see the same tools.
//
// Before the SDK sees a request, its body (already read under the size limit) is parsed once and
// handed to the SDK as `parsedBody`, so nothing is parsed twice. A tools/call is checked against
// the rate limits in the factory, after the SDK's own checks, and a refused call never runs.
import { createMcpHandler, SUPPORTED_PROTOCOL_VERSIONS, type AuthInfo } from "@modelcontextprotocol/server";
import { beginActivity, isShuttingDown } from "@/lib/process/lifecycle";
import type { ProjectRateLimits } from "@/lib/rate-limit/limits";
import { checkToolCallLimits } from "@/lib/rate-limit/tool-call-limits";
import { reportToolCall } from "./call-tool";
import { createProjectServer } from "./create-project-server";
import { admitBatch, withRefusedCalls } from "./json-rpc-batch";
import { admitHandlerRun, handlerRunOf } from "./handler-run-limits";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import { endpointEventBus } from "./list-changed";
import { checkMcpParamHeaders, HEADER_MISMATCH_ERROR_CODE } from "./mcp-param-headers";
import { guardedBodyText, MAX_MCP_BODY_BYTES } from "./request-guards";
import { mcpEndpointUrl, type EndpointAddress } from "./protected-resource";
import type { McpCaller, McpClientInfo, ServeContext, ServedSnapshot } from "./types";

export async function serveProject(options: {
  request: Request;
  address: EndpointAddress;
  snapshot: ServedSnapshot;
  context: ServeContext;
  /** The bearer token the caller sent (null for anonymous callers). */
  token: string | null;
  /** The project's live rate limits (read with the project on this request). Without them nothing is limited. */
  rateLimits?: ProjectRateLimits;
}): Promise<Response> {
  if (isShuttingDown()) return shuttingDownResponse();
  // Held until the answer is complete, so a graceful shutdown never exits under a running call.
  const done = beginActivity();
  try {
    const message = await readMcpMessage(options.request);
    // A batch is admitted call by call here (json-rpc-batch.ts), or refused whole.
    const batch = Array.isArray(message.parsed)
      ? await admitBatch({
          messages: message.parsed,
          request: message.request,
          admitCall: (call) =>
            admitToolCall({
              call,
              era: "legacy",
              request: message.request,
              snapshot: options.snapshot,
              context: { ...options.context, client: requestClientInfo(call, options.request) },
              limits: options.rateLimits,
            }),
        })
      : null;
    if (batch && "refusal" in batch) {
      done();
      return batch.refusal;
    }
    if (batch) message.parsed = batch.messages;
    const context: ServeContext = {
      ...options.context,
      client: message.toolCall ? requestClientInfo(message.toolCall, options.request) : null,
    };
    const authInfo = describeAuth(context.caller, options.token, options.address, options.snapshot.projectId);
    // A tools/call is admitted (Mcp-Param-* headers, then rate limits) in the factory: the SDK
    // calls it only once the request has passed its own checks (JSON-RPC shape, protocol version,
    // MCP-Protocol-Version / Mcp-Method / Mcp-Name headers), so a request it refuses with 400 is
    // never counted against a limit. A refusal ends the factory; its answer replaces the SDK's.
    let refusal: Response | null = null;
    // Prompt and resource-template handlers run in the sandbox too: counted like Data Tool calls.
    const handlerRun = message.toolCall ? null : handlerRunOf(message.parsed, options.snapshot);
    // The factory closes over this request's snapshot, so the handler is per request too;
    // creating it only allocates a few closures.
    const handler = createMcpHandler(
      async ({ era }) => {
        if (message.toolCall) {
          refusal = await admitToolCall({
            call: message.toolCall,
            era,
            request: message.request,
            snapshot: options.snapshot,
            context,
            limits: options.rateLimits,
          });
          if (refusal) throw new RefusedBeforeDispatch();
        } else if (handlerRun) {
          refusal = await admitHandlerRun({
            run: handlerRun,
            era,
            request: message.request,
            snapshot: options.snapshot,
            context,
            limits: options.rateLimits,
          });
          if (refusal) throw new RefusedBeforeDispatch();
        }
        return createProjectServer(options.snapshot, context);
      },
      // One bus per endpoint, so a subscriptions/listen stream opened here hears later changes (list-changed.ts).
      {
        legacy: "stateless",
        maxRequestBodySize: MAX_MCP_BODY_BYTES,
        onerror: reportSdkError,
        bus: endpointEventBus(options.snapshot.projectId, context.environment),
      },
    );
    const response = await handler.fetch(message.request, {
      ...(authInfo ? { authInfo } : {}),
      ...(message.parsed !== undefined ? { parsedBody: message.parsed } : {}),
    });
    if (refusal) {
      await response.body?.cancel();
      done();
      return refusal;
    }
    if (batch) return releaseWhenSent(withRefusedCalls(response, batch.refused), done);
    if (message.toolCall) return releaseWhenSent(response, done);
    done();
    return response;
  } catch (error) {
    done();
    throw error;
  }
}

class RefusedBeforeDispatch extends Error {
  constructor() {
    super("tools/call refused before dispatch");
  }
}

/**
 * Checks a tools/call the SDK has accepted, before anything counts or runs. An unknown tool is
 * not counted (the handler answers it with -32602). A 2025-era call with an MCP-Protocol-Version
 * or Accept header the SDK's transport will refuse (400/406) is not counted either: that
 * transport checks them after the factory. A 2026-07-28 call's Mcp-Param-* headers must match its
 * arguments (400 / -32020). Then the rate limits (429).
 */
async function admitToolCall(options: {
  call: ToolCallMessage;
  era: "legacy" | "modern";
  request: Request;
  snapshot: ServedSnapshot;
  context: ServeContext;
  limits: ProjectRateLimits | undefined;
}): Promise<Response | null> {
  const { call, request } = options;
  const tool = options.snapshot.tools.find((candidate) => candidate.name === call.name);
  if (!tool) return null;
  if (options.era === "legacy") {
    const version = request.headers.get("mcp-protocol-version");
    const accept = request.headers.get("accept") ?? "";
    if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return null;
    if (!accept.includes("application/json") || !accept.includes("text/event-stream")) return null;
  } else {
    const mismatch = checkMcpParamHeaders(tool.inputSchema, call.arguments, request.headers);
    if (mismatch) return jsonRpcErrorResponse(400, mismatch.message, {}, call.id, HEADER_MISMATCH_ERROR_CODE, mismatch.data);
  }
  return options.limits ? enforceRateLimits(call, options.snapshot, options.context, options.limits) : null;
}

/**
 * SPEC §8, checked before the call runs. A refusal is a 429 with Retry-After and a JSON-RPC
 * error carrying the request's id, and is recorded as an execution (errorType rate_limited,
 * errorCode naming the limit).
 */
async function enforceRateLimits(call: ToolCallMessage, snapshot: ServedSnapshot, context: ServeContext, limits: ProjectRateLimits) {
  const startedAt = new Date();
  const started = performance.now();
  const tool = snapshot.tools.find((candidate) => candidate.name === call.name);
  const decision = await checkToolCallLimits({
    projectId: snapshot.projectId,
    limits,
    caller: context.caller,
    clientIp: context.clientIp,
    isDataTool: tool?.kind === "data",
  });
  if (decision.allowed) return null;
  await reportToolCall(context, {
    toolName: call.name,
    toolId: tool?.id ?? null,
    environment: context.environment,
    status: "error",
    errorType: "rate_limited",
    errorCode: decision.code,
    durationMs: Math.round(performance.now() - started),
    logs: [],
    arguments: call.arguments,
    startedAt,
    client: context.client ?? null,
  });
  return jsonRpcErrorResponse(429, decision.message, { "Retry-After": String(decision.retryAfterSeconds) }, call.id);
}

export type ToolCallMessage = {
  id: string | number;
  name: string;
  arguments: Record<string, unknown>;
  meta: Record<string, unknown> | undefined;
};
type McpMessage = { request: Request; parsed?: unknown; toolCall: ToolCallMessage | null };

/**
 * Reads the body once. Malformed JSON goes to the SDK unparsed, which answers with its own
 * parse error; anything else goes with `parsedBody`, so the SDK never parses it again.
 */
async function readMcpMessage(request: Request): Promise<McpMessage> {
  if (request.method !== "POST") return { request, toolCall: null };
  // The guards already read it under the size limit (with-mcp-guards.ts).
  const text = guardedBodyText(request) ?? (await request.text());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      request: new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal }),
      toolCall: null,
    };
  }
  return { request, parsed, toolCall: toolCallOf(parsed) };
}

/** A well-formed tools/call request (others are the SDK's to refuse, and never run or count). */
export function toolCallOf(message: unknown): ToolCallMessage | null {
  if (!isObject(message) || message.method !== "tools/call" || !isObject(message.params)) return null;
  const { id } = message;
  const { name, arguments: args, _meta: meta } = message.params;
  if ((typeof id !== "string" && typeof id !== "number") || typeof name !== "string") return null;
  return { id, name, arguments: isObject(args) ? args : {}, meta: isObject(meta) ? meta : undefined };
}

const CLIENT_INFO_META_KEY = "io.modelcontextprotocol/clientInfo";
const MAX_CLIENT_FIELD_CHARS = 200;

/**
 * The host calling (see McpClientInfo): the 2026-07-28 envelope's clientInfo — the same value the
 * SDK lifts into `ctx.mcpReq.envelope` — else the User-Agent's first product token
 * ("claude-desktop/1.2.3 (…)" → claude-desktop 1.2.3), which is all a 2025-era stateless
 * tools/call carries.
 */
export function requestClientInfo(call: Pick<ToolCallMessage, "meta">, request: Request): McpClientInfo | null {
  const info = call.meta?.[CLIENT_INFO_META_KEY];
  if (isObject(info) && typeof info.name === "string" && info.name) {
    return {
      name: info.name.slice(0, MAX_CLIENT_FIELD_CHARS),
      version: typeof info.version === "string" ? info.version.slice(0, MAX_CLIENT_FIELD_CHARS) : null,
    };
  }
  const product = /^([^\s/]+)(?:\/(\S+))?/.exec(request.headers.get("user-agent")?.trim() ?? "");
  return product
    ? { name: product[1].slice(0, MAX_CLIENT_FIELD_CHARS), version: product[2]?.slice(0, MAX_CLIENT_FIELD_CHARS) ?? null }
    : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Calls `done` once the response body has been sent (or abandoned by the client). */
function releaseWhenSent(response: Response, done: () => void): Response {
  if (!response.body) {
    done();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          controller.close();
          done();
        } else {
          controller.enqueue(chunk.value);
        }
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// While the process drains for a graceful shutdown (lib/process/lifecycle.ts): the
// host retries, on another instance behind a proxy or on this one once restarted.
function shuttingDownResponse(): Response {
  return jsonRpcErrorResponse(503, "Service Unavailable: this server is restarting. Retry in a moment.", {
    "Retry-After": "1",
    Connection: "close",
  });
}

/** The SDK's view of the caller (handed to request handlers as `authInfo`); none when anonymous. */
function describeAuth(caller: McpCaller, token: string | null, address: EndpointAddress, projectId: string): AuthInfo | undefined {
  if (caller.kind === "anonymous" || !token) return undefined;
  const clientId =
    caller.kind === "production_token"
      ? `production_token:${caller.tokenId}`
      : caller.kind === "oauth"
        ? `oauth:${caller.grantId}`
        : caller.kind === "test_panel"
          ? `test_panel:${caller.userId}`
          : "draft-token";
  return { token, clientId, scopes: ["mcp"], resource: new URL(mcpEndpointUrl(address)), extra: { projectId } };
}

// The SDK reports refused requests (malformed JSON-RPC, bad headers) and internal failures here;
// the client already has its answer, so only the message is logged, never a body or a token.
function reportSdkError(error: Error) {
  if (error instanceof RefusedBeforeDispatch) return;
  console.warn(`[mcp] ${error.message}`);
}

/** The first Accept-Language tag ("fr-CA,fr;q=0.8" → "fr-CA"), or "en". */
export function requestLocale(request: Request): string {
  const first = request.headers.get("accept-language")?.split(",")[0]?.split(";")[0]?.trim();
  return first && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(first) ? first : "en";
}
