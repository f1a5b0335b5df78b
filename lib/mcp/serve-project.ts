// Answers one MCP HTTP request for a project snapshot, in either protocol era: the SDK's
// createMcpHandler serves 2026-07-28 requests (per-request `_meta` envelope, server/discover)
// and, with `legacy: "stateless"`, 2025-era clients (initialize handshake, no sessions) from
// the same factory, so both eras always see the same tools.
import { createMcpHandler, type AuthInfo } from "@modelcontextprotocol/server";
import { createProjectServer } from "./create-project-server";
import { MAX_MCP_BODY_BYTES } from "./request-guards";
import { mcpEndpointUrl, type EndpointAddress } from "./protected-resource";
import type { McpCaller, ServeContext, ServedSnapshot } from "./types";

export async function serveProject(options: {
  request: Request;
  address: EndpointAddress;
  snapshot: ServedSnapshot;
  context: ServeContext;
  /** The bearer token the caller sent (null for anonymous callers). */
  token: string | null;
}): Promise<Response> {
  const authInfo = describeAuth(options.context.caller, options.token, options.address, options.snapshot.projectId);
  // The factory closes over this request's snapshot, so the handler is per request too;
  // creating it only allocates a few closures.
  const handler = createMcpHandler(() => createProjectServer(options.snapshot, options.context), {
    legacy: "stateless",
    maxRequestBodySize: MAX_MCP_BODY_BYTES,
    onerror: reportSdkError,
  });
  return handler.fetch(options.request, authInfo ? { authInfo } : undefined);
}

/** The SDK's view of the caller (handed to request handlers as `authInfo`); none when anonymous. */
function describeAuth(caller: McpCaller, token: string | null, address: EndpointAddress, projectId: string): AuthInfo | undefined {
  if (caller.kind === "anonymous" || !token) return undefined;
  const clientId =
    caller.kind === "production_token" ? `production_token:${caller.tokenId}` : caller.kind === "oauth" ? `oauth:${caller.grantId}` : "draft-token";
  return { token, clientId, scopes: ["mcp"], resource: new URL(mcpEndpointUrl(address)), extra: { projectId } };
}

// The SDK reports refused requests (malformed JSON-RPC, bad headers) and internal failures here;
// the client already has its answer, so only the message is logged, never a body or a token.
function reportSdkError(error: Error) {
  console.warn(`[mcp] ${error.message}`);
}

/** The first Accept-Language tag ("fr-CA,fr;q=0.8" → "fr-CA"), or "en". */
export function requestLocale(request: Request): string {
  const first = request.headers.get("accept-language")?.split(",")[0]?.split(";")[0]?.trim();
  return first && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(first) ? first : "en";
}
