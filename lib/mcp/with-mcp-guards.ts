// The wrapper every MCP route starts with: origin check, body size limit, CORS for allowed browser
// origins, and one place where an unexpected failure becomes a JSON-RPC error (never a stack trace).
import { publicOrigin } from "@/lib/public-origin";
import { jsonRpcErrorResponse, requestIdOf, withRequestId } from "./json-rpc-response";
import type { EndpointAddress } from "./protected-resource";
import { checkOrigin, guardedBodyText, type PreReadBody, readLimitedRequest, withCors } from "./request-guards";
import type { McpEnvironment } from "./types";

export type McpRouteParams = { org: string; project: string };
/**
 * `body`: the POST body the caller already read under the size limit (the custom server's node
 * path, lib/mcp/node-route.ts); without it (Next's router) the guards read it.
 */
export type McpRouteContext = { params: Promise<McpRouteParams>; body?: PreReadBody };
export type McpRoute = (request: Request, context: McpRouteContext) => Promise<Response>;
/** `request` has been read under the size limit and can be read again. */
export type GuardedMcpArgs = { request: Request; address: EndpointAddress };

export function withMcpGuards(environment: McpEnvironment, handler: (args: GuardedMcpArgs) => Promise<Response>): McpRoute {
  return async (request, context) => {
    const checked = checkOrigin(request);
    if (checked instanceof Response) return refusedWithId(checked, request, context.body);
    let readId = async (): Promise<string | number | null> => null;
    try {
      const limited = await readLimitedRequest(request, context.body);
      if (limited instanceof Response) return withCors(limited, checked.origin);
      // An oversized body is never read, so its 413 can't name the request's id; every refusal after this point (401, 404, 409, 429, the SDK's header errors) echoes the request's id.
      const text = guardedBodyText(limited);
      readId = async () => (text === undefined ? null : requestIdOf(text));
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
async function refusedWithId(refusal: Response, request: Request, body: PreReadBody | undefined): Promise<Response> {
  try {
    const limited = await readLimitedRequest(request, body);
    const text = limited instanceof Response ? undefined : guardedBodyText(limited);
    if (text === undefined) return refusal;
    return await withRequestId(refusal, async () => requestIdOf(text));
  } catch {
    return refusal;
  }
}
