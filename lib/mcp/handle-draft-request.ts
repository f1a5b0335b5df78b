// The draft endpoint, /mcp/{org}/{project}/draft: origin → body size → draft token → the draft
// snapshot (one query) → the project's MCP server. Every save in the studio is live on the next request.
import { bearerToken } from "@/lib/auth/actor";
import { publicOrigin } from "@/lib/http";
import { findProjectByDraftToken } from "@/lib/projects/draft-token";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import { mcpEndpointUrl, unauthorizedResponse, type EndpointAddress } from "./protected-resource";
import { checkOrigin, readLimitedRequest, withCors } from "./request-guards";
import { requestLocale, serveProject } from "./serve-project";

export const DRAFT_SERVER_VERSION = "draft";

export async function handleDraftRequest(request: Request, params: { org: string; project: string }): Promise<Response> {
  const checked = checkOrigin(request);
  if (checked instanceof Response) return checked;
  try {
    return withCors(await serveDraft(request, params), checked.origin);
  } catch (error) {
    // Database down, project deleted mid-request…: a JSON-RPC error, never a stack trace.
    console.error("[mcp] draft request failed", error);
    return withCors(jsonRpcErrorResponse(500, "Internal error: the draft endpoint could not answer. Try again."), checked.origin);
  }
}

async function serveDraft(request: Request, params: { org: string; project: string }): Promise<Response> {
  const limited = await readLimitedRequest(request);
  if (limited instanceof Response) return limited;

  const address: EndpointAddress = { origin: publicOrigin(request), orgSlug: params.org, projectSlug: params.project, environment: "draft" };
  const token = bearerToken(request);
  if (!token) {
    const message = "Unauthorized: send the project's draft token as Authorization: Bearer <token> (Server tab → Draft)";
    return unauthorizedResponse({ address, message, invalidToken: false });
  }
  const project = await findProjectByDraftToken({ orgSlug: params.org, projectSlug: params.project, token });
  if (!project) {
    const message = "Unauthorized: the draft token is not valid for this project (it may have been rotated)";
    return unauthorizedResponse({ address, message, invalidToken: true });
  }

  const snapshot = await loadDraftSnapshot(project.id);
  return serveProject({
    request: limited,
    snapshot,
    context: { projectSlug: project.slug, environment: "draft", version: DRAFT_SERVER_VERSION, locale: requestLocale(request) },
    authInfo: { token, clientId: "draft-token", scopes: ["mcp"], resource: new URL(mcpEndpointUrl(address)), extra: { projectId: project.id } },
  });
}
