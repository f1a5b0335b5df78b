// JSON-RPC batches (an array of messages in one POST). The 2025-03-26 revision allowed them;
// 2025-06-18 removed them, and the 2026-07-28 era never had them (the SDK refuses a batch with a
// modern element itself). A batch may not be a way around the per-call rate limits:
// - a batch from a client on 2025-06-18 or later (its MCP-Protocol-Version header, or the version
//   an initialize in the batch asks for) is refused with 400;
// - from an older client, every tools/call in it is admitted as if sent on its own, in order:
//   a refused call is recorded and answered with its own error (the status of a single call's
//   refusal), and only the admitted calls reach the SDK.
import { DEFAULT_NEGOTIATED_PROTOCOL_VERSION } from "@modelcontextprotocol/server";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import { type ToolCallMessage, toolCallOf } from "./serve-project";

/** The first protocol revision without JSON-RPC batching. */
export const BATCHES_REMOVED_IN = "2025-06-18";

export type BatchAdmission =
  /** Nothing in the batch may run: answer with this. */
  | { refusal: Response }
  /** What goes on to the SDK (`messages`), and the answers to the calls refused on the way. */
  | { messages: unknown[]; refused: Array<{ id: string | number; status: number; body: unknown; retryAfter: string | null }> };

export async function admitBatch(options: {
  messages: unknown[];
  request: Request;
  /** The single-call admission (headers, rate limits): a Response refuses the call. */
  admitCall: (call: ToolCallMessage) => Promise<Response | null>;
}): Promise<BatchAdmission> {
  const version =
    options.request.headers.get("mcp-protocol-version") ?? initializeVersion(options.messages) ?? DEFAULT_NEGOTIATED_PROTOCOL_VERSION;
  if (version >= BATCHES_REMOVED_IN) {
    return {
      refusal: jsonRpcErrorResponse(
        400,
        `Bad Request: JSON-RPC batches are not supported in protocol version ${version} (batching was removed in ${BATCHES_REMOVED_IN}); send each request on its own`,
        {},
        null,
        -32600,
      ),
    };
  }
  const messages: unknown[] = [];
  const refused: Extract<BatchAdmission, { refused: unknown }>["refused"] = [];
  for (const message of options.messages) {
    const call = toolCallOf(message);
    const refusal = call ? await options.admitCall(call) : null;
    if (call && refusal) {
      refused.push({ id: call.id, status: refusal.status, body: await refusal.json(), retryAfter: refusal.headers.get("retry-after") });
    } else {
      messages.push(message);
    }
  }
  const requestsLeft = messages.some((message) => isRecord(message) && "method" in message && "id" in message);
  if (refused.length > 0 && !requestsLeft) {
    // Every request of the batch was refused: one batch response carrying each refusal.
    const [first] = refused;
    return {
      refusal: Response.json(
        refused.map((entry) => entry.body),
        { status: first.status, headers: first.retryAfter ? { "Retry-After": first.retryAfter } : {} },
      ),
    };
  }
  return { messages, refused };
}

/**
 * Adds the answers to refused calls to the SDK's answer for the rest of the batch: as events of
 * its event stream, or as members of its JSON array. Any other answer (the SDK refused what was
 * left) goes out as it is; the refused calls were recorded either way.
 */
export function withRefusedCalls(response: Response, refused: Extract<BatchAdmission, { refused: unknown }>["refused"]): Response {
  if (refused.length === 0 || !response.body) return response;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("text/event-stream")) return response;
  const encoder = new TextEncoder();
  const events = refused.map((entry) => encoder.encode(`event: message\ndata: ${JSON.stringify(entry.body)}\n\n`));
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(event);
    },
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function initializeVersion(messages: unknown[]): string | null {
  for (const message of messages) {
    if (
      isRecord(message) &&
      message.method === "initialize" &&
      isRecord(message.params) &&
      typeof message.params.protocolVersion === "string"
    ) {
      return message.params.protocolVersion;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
