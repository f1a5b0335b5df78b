// The wrapper every MCP route starts with: origin check, body size limit, CORS for allowed browser
// origins, and one place where an unexpected failure becomes a JSON-RPC error (never a stack trace).
import { publicOrigin } from "@/lib/public-origin";
import { jsonRpcErrorResponse, requestIdOf, withRequestId } from "./json-rpc-response";
import type { EndpointAddress } from "./protected-resource";
import { checkOrigin, readLimitedRequest, withCors } from "./request-guards";
import type { McpEnvironment } from "./types";

export type McpRouteParams = { org: string; project: string };
export type McpRoute = (request: Request, context: { params: Promise<McpRouteParams> }) => Promise<Response>;
/** `request` has been read under the size limit and can be read again. */
export type GuardedMcpArgs = { request: Request; address: EndpointAddress };

export function withMcpGuards(environment: McpEnvironment, handler: (args: GuardedMcpArgs) => Promise<Response>): McpRoute {
  return async (request, context) => {
    const checked = checkOrigin(request);
    if (checked instanceof Response) return refusedWithId(checked, request);
    let readId = async (): Promise<string | number | null> => null;
    try {
      const limited = await readLimitedRequest(request);
      if (limited instanceof Response) return withCors(limited, checked.origin);
      // An oversized body is never read, so its 413 can't name the request's id; every refusal after this point (401, 404, 409, 429, the SDK's header errors) echoes the request's id.
      const copy = limited.method === "POST" ? limited.clone() : null;
      readId = async () => (copy ? requestIdOf(await copy.text()) : null);
      const { org, project } = await context.params;
      const address = { origin: publicOrigin(request), orgSlug: org, projectSlug: project, environment };
      return withCors(await withRequestId(await handler({ request: limited, address }), readId), checked.origin);
    } catch (error) {
      // Database down, project deleted mid-request…
      console.error(`[mcp] ${environment} request failed`, error);
      const failed = jsonRpcErrorResponse(500, "Internal error: the MCP endpoint could not answer. Try again.");
      return withCors(await withRequestId(failed, readId).catch(() => failed), checked.origin);
    }
  };
}

/** A refused origin's 403 names the request's id too, when the body (under the size limit) has one. */
async function refusedWithId(refusal: Response, request: Request): Promise<Response> {
  try {
    const limited = await readLimitedRequest(request);
    if (limited instanceof Response || limited.method !== "POST") return refusal;
    return await withRequestId(refusal, async () => requestIdOf(await limited.text()));
  } catch {
    return refusal;
  }
}
