// Serving /mcp/{org}: origin check, body limit and CORS as on the project endpoints, then the
// caller's bearer token: a personal API token (lib/auth/actor.ts) — the same one the admin API and
// the CLI use — or an OAuth access token from Atelier's own authorization server whose resource is
// this URL exactly (lib/oauth/verify-access-token.ts), which is how claude.ai and other hosts
// connect it. Either way the server does exactly what its user may: each tool checks the member's
// role. A session cookie is never accepted here (an ambient credential a cross-site page could ride
// on). The 401 challenge names this endpoint's protected resource metadata
// (/.well-known/oauth-protected-resource/mcp/{org}) for OAuth discovery. Not a member of {org}:
// 404, as everywhere. Stateless, both protocol eras, one server per request.
import { createMcpHandler } from "@modelcontextprotocol/server";
import { getOrganizationAccess } from "@/lib/access";
import { type Actor, authenticateRequest, bearerToken } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http";
import { jsonRpcErrorResponse } from "@/lib/mcp/json-rpc-response";
import { studioEndpointUrl, unauthorizedResponse } from "@/lib/mcp/protected-resource";
import { checkOrigin, MAX_MCP_BODY_BYTES, readLimitedRequest, withCors } from "@/lib/mcp/request-guards";
import { isOAuthAccessToken } from "@/lib/oauth/oauth-secrets";
import { verifyStudioAccessToken } from "@/lib/oauth/verify-access-token";
import { publicOrigin } from "@/lib/public-origin";
import { checkApiLimit } from "@/lib/rate-limit/api-limits";
import { createStudioServer } from "./create-studio-server";

type Route = (request: Request, context: { params: Promise<{ org: string }> }) => Promise<Response>;

const MISSING = "Unauthorized: connect with OAuth, or send a personal API token (Account → API tokens) as Authorization: Bearer <token>";
const REFUSED_OAUTH = "Unauthorized: the access token is invalid, expired, revoked or not for this endpoint";

function unauthorized(request: Request, orgSlug: string, message: string, invalidToken: boolean): Response {
  return unauthorizedResponse({ address: { origin: publicOrigin(request), orgSlug }, message, invalidToken });
}

/** The member a bearer token acts for, or the 401 to answer. */
async function authenticate(request: Request, orgSlug: string): Promise<Actor | Response> {
  const token = bearerToken(request);
  if (!token) return unauthorized(request, orgSlug, MISSING, false);
  if (isOAuthAccessToken(token)) {
    const resource = studioEndpointUrl({ origin: publicOrigin(request), orgSlug });
    const verified = await verifyStudioAccessToken({ token, resource });
    if (!verified) return unauthorized(request, orgSlug, REFUSED_OAUTH, true);
    return {
      userId: verified.user.id,
      email: verified.user.email,
      name: verified.user.name,
      ...clientInfo(request),
    };
  }
  try {
    return await authenticateRequest(request);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized")
      return unauthorized(request, orgSlug, `Unauthorized: ${error.message}`, true);
    throw error;
  }
}

async function serve(request: Request, orgSlug: string): Promise<Response> {
  const actor = await authenticate(request, orgSlug);
  if (actor instanceof Response) return actor;
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
