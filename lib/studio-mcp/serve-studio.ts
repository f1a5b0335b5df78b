// Serving /mcp/{org}: origin check, body limit and CORS as on the project endpoints, then the
// caller's bearer token. The credential is a personal API token (lib/auth/actor.ts) — the same one
// the admin API and the CLI use, so the server can do exactly what its user may; a session cookie
// is never accepted here (an ambient credential a cross-site page could ride on). Not a member of
// {org}: 404, as everywhere. Stateless, both protocol eras, one server per request.
import { createMcpHandler } from "@modelcontextprotocol/server";
import { getOrganizationAccess } from "@/lib/access";
import { authenticateRequest, bearerToken } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { jsonRpcErrorResponse } from "@/lib/mcp/json-rpc-response";
import { checkOrigin, MAX_MCP_BODY_BYTES, readLimitedRequest, withCors } from "@/lib/mcp/request-guards";
import { publicOrigin } from "@/lib/public-origin";
import { checkApiLimit } from "@/lib/rate-limit/api-limits";
import { createStudioServer } from "./create-studio-server";

type Route = (request: Request, context: { params: Promise<{ org: string }> }) => Promise<Response>;

const MISSING = "Unauthorized: send a personal API token (Account → API tokens) as Authorization: Bearer <token>";

function unauthorized(request: Request, orgSlug: string, message: string): Response {
  const realm = `${publicOrigin(request)}/mcp/${encodeURIComponent(orgSlug)}`;
  return jsonRpcErrorResponse(401, message, { "WWW-Authenticate": `Bearer realm="${realm}"` });
}

async function serve(request: Request, orgSlug: string): Promise<Response> {
  if (!bearerToken(request)) return unauthorized(request, orgSlug, MISSING);
  let actor: Awaited<ReturnType<typeof authenticateRequest>>;
  try {
    actor = await authenticateRequest(request);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") return unauthorized(request, orgSlug, `Unauthorized: ${error.message}`);
    throw error;
  }
  try {
    await getOrganizationAccess({ actor, orgSlug, permission: "organization.view" });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return jsonRpcErrorResponse(404, "Not Found: there is no MCP server at this URL");
    throw error;
  }
  const limit = await checkApiLimit(actor);
  if (!limit.allowed) return jsonRpcErrorResponse(429, limit.message, { "Retry-After": String(limit.retryAfterSeconds) });
  const handler = createMcpHandler(() => createStudioServer({ actor, orgSlug, origin: publicOrigin(request) }), {
    legacy: "stateless",
    maxRequestBodySize: MAX_MCP_BODY_BYTES,
    onerror: (error) => console.error("[studio-mcp] request refused", error.message),
  });
  return handler.fetch(request);
}

export function studioMcpRoute(): Route {
  return async (request, context) => {
    const checked = checkOrigin(request);
    if (checked instanceof Response) return checked;
    try {
      const limited = await readLimitedRequest(request);
      if (limited instanceof Response) return withCors(limited, checked.origin);
      const { org } = await context.params;
      return withCors(await serve(limited, org), checked.origin);
    } catch (error) {
      console.error("[studio-mcp] request failed", error);
      return withCors(jsonRpcErrorResponse(500, "Internal error: the MCP endpoint could not answer. Try again."), checked.origin);
    }
  };
}
