// The checks every MCP request passes before any credential or database is touched:
// the browser Origin (DNS rebinding and cross-site requests) and the body size.
import { readRequestBody } from "@modelcontextprotocol/server";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/public-origin";
import { jsonRpcErrorResponse } from "./json-rpc-response";

export const MAX_MCP_BODY_BYTES = 1024 * 1024;

// Browser-based hosts that call MCP servers directly. Most hosts connect from their servers and
// send no Origin at all, which passes.
const HOST_ORIGINS = ["https://claude.ai", "https://claude.com", "https://chatgpt.com"];

let configuredOrigins: Set<string> | undefined;

function allowedOrigins(): Set<string> {
  configuredOrigins ??= new Set([
    ...HOST_ORIGINS,
    ...env()
      .ATELIER_ALLOWED_ORIGINS.map(toOrigin)
      .filter((origin) => origin !== null),
  ]);
  return configuredOrigins;
}

function toOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Exact origin match (scheme, host and port), unlike the SDK's hostname-only
 * originValidationResponse: `http://claude.ai` or another port of our own host is not us.
 * Returns the allowed Origin (null when the request has none), or a 403.
 */
export function checkOrigin(request: Request): { origin: string | null } | Response {
  const header = request.headers.get("origin");
  if (!header) return { origin: null };
  const origin = toOrigin(header);
  if (origin && (origin === publicOrigin(request) || allowedOrigins().has(origin))) return { origin };
  return jsonRpcErrorResponse(403, `Forbidden: requests from origin ${JSON.stringify(header)} are not allowed`);
}

/** A POST body already read under the limit by the caller (the custom server's node path, lib/mcp/node-route.ts). */
export type PreReadBody = { tooLarge: true } | { tooLarge: false; text: string };

// The text of each body the guards read, so that later steps (the JSON-RPC id of a refusal,
// serve-project's parse) use it instead of reading the request's stream again.
const bodyTexts = new WeakMap<Request, string>();

/** The body text readLimitedRequest read for this request (undefined for a GET, or a request it never saw). */
export function guardedBodyText(request: Request): string | undefined {
  return bodyTexts.get(request);
}

/**
 * Reads the body under the limit (declared Content-Length first, then while reading, so a lying
 * or absent Content-Length cannot get more through) and returns a request the SDK can read again.
 * With `preRead` the body was already read under the same limit (the custom server's node path): its
 * text is kept for `request` as is, which may carry no body of its own, so read it with guardedBodyText.
 */
export async function readLimitedRequest(request: Request, preRead?: PreReadBody): Promise<Request | Response> {
  if (request.method !== "POST") return request;
  const body = preRead ?? (await readRequestBody(request, MAX_MCP_BODY_BYTES));
  if (body.tooLarge) return jsonRpcErrorResponse(413, `Payload Too Large: the request body must not exceed ${MAX_MCP_BODY_BYTES} bytes`);
  let limited = request;
  if (!preRead) {
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    limited = new Request(request.url, { method: request.method, headers, body: body.text, signal: request.signal });
  }
  bodyTexts.set(limited, body.text);
  return limited;
}

const CORS_HEADERS = {
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers":
    "Authorization, Content-Type, Accept, Last-Event-ID, MCP-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name",
  "Access-Control-Expose-Headers": "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version",
  "Access-Control-Max-Age": "600",
};

/** CORS preflight: answered for allowed origins only. */
export function preflightResponse(request: Request): Response {
  const checked = checkOrigin(request);
  if (checked instanceof Response) return checked;
  return withCors(new Response(null, { status: 204 }), checked.origin);
}

/** Lets an allowed browser origin read the response (including the 401 challenge). */
export function withCors(response: Response, origin: string | null): Response {
  if (!origin) return response;
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", origin);
  headers.append("Vary", "Origin");
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
