// Route wrappers: the auth mode of every JSON route is visible at its export.
//   export const GET = withActor(handler)                                        — any signed-in caller
//   export const POST = withOrganizationMember(handler, { permission: "…" })     — member of {org}
//   export const PATCH = withProjectMember(handler, { permission: "…" })         — member of {org}, on {project}
import { getOrganizationAccess, getProjectAccess, type OrganizationAccess, type ProjectAccess } from "@/lib/access";
import { isSameOriginRequest } from "@/lib/api/same-origin";
import { authenticateRequest, bearerToken, type Actor } from "@/lib/auth/actor";
import { errorBody, errorResponse, json } from "@/lib/http";
import type { Permission } from "@/lib/permissions";
import { checkApiLimit } from "@/lib/rate-limit/api-limits";

type Params = Record<string, string>;
type RouteContext = { params: Promise<Params> };
type Route = (request: Request, context: RouteContext) => Promise<Response>;
type Args<P, A = object> = { request: Request; actor: Actor; params: P } & A;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a write carried by the session cookie must come from the studio's own pages, as JSON (a
 * cross-site form can send neither). Bearer-token calls carry no ambient credential, so pass.
 */
function refuseCrossSiteWrite(request: Request): Response | null {
  if (SAFE_METHODS.has(request.method) || bearerToken(request)) return null;
  if (!isSameOriginRequest(request)) {
    return json(errorBody("forbidden", "Cross-origin request refused: the studio API accepts writes only from the studio's own pages"), {
      status: 403,
    });
  }
  const type = request.headers.get("content-type");
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  if (type ? !/^application\/json\s*(;|$)/i.test(type) : hasBody) {
    return json(errorBody("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json)"), { status: 415 });
  }
  return null;
}

export function withActor<P extends Params>(handler: (args: Args<P>) => Promise<Response>): Route {
  return async (request, context) => {
    try {
      const refused = refuseCrossSiteWrite(request);
      if (refused) return refused;
      const actor = await authenticateRequest(request);
      // Every authenticated API call counts against its token's (or session user's) limit.
      const limit = await checkApiLimit(actor);
      if (!limit.allowed) {
        return json(errorBody("rate_limited", limit.message), { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      }
      return await handler({ request, actor, params: (await context.params) as P });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function withOrganizationMember<P extends Params & { org: string }>(
  handler: (args: Args<P, { access: OrganizationAccess }>) => Promise<Response>,
  options: { permission: Permission },
): Route {
  return withActor<P>(async (args) => {
    const access = await getOrganizationAccess({ actor: args.actor, orgSlug: args.params.org, permission: options.permission });
    return handler({ ...args, access });
  });
}

export function withProjectMember<P extends Params & { org: string; project: string }>(
  handler: (args: Args<P, { access: ProjectAccess }>) => Promise<Response>,
  options: { permission: Permission },
): Route {
  return withActor<P>(async (args) => {
    const access = await getProjectAccess({
      actor: args.actor,
      orgSlug: args.params.org,
      projectSlug: args.params.project,
      permission: options.permission,
    });
    return handler({ ...args, access });
  });
}

/** For routes that need no caller (public documents): still one error mapper. */
export function withErrors(handler: Route): Route {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
