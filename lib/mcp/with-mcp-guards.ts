// The wrapper every MCP route starts with: origin check, body size limit, CORS for allowed browser
// origins, and one place where an unexpected failure becomes a JSON-RPC error (never a stack trace).
import { publicOrigin } from "@/lib/http";
import { jsonRpcErrorResponse } from "./json-rpc-response";
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
    if (checked instanceof Response) return checked;
    try {
      const limited = await readLimitedRequest(request);
      if (limited instanceof Response) return withCors(limited, checked.origin);
      const { org, project } = await context.params;
      const address = { origin: publicOrigin(request), orgSlug: org, projectSlug: project, environment };
      return withCors(await handler({ request: limited, address }), checked.origin);
    } catch (error) {
      // Database down, project deleted mid-request…
      console.error(`[mcp] ${environment} request failed`, error);
      return withCors(jsonRpcErrorResponse(500, "Internal error: the MCP endpoint could not answer. Try again."), checked.origin);
    }
  };
}
