// Auth of the production endpoint: a public project accepts anonymous calls; a private one only
// the credentials production-credentials.ts recognizes (production tokens, OAuth access tokens
// bound to this endpoint). A token that is sent must be valid either
// way (a revoked token is refused on the next request, even on a public project), and a draft
// token is never one of them. 401s carry the challenge pointing at this endpoint's metadata.
import { bearerToken } from "@/lib/auth/actor";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import { recordRefusedCall } from "./record-refused-call";
import { findProductionProject, verifyProductionCredential, type ProductionCaller, type ProductionProject } from "./production-credentials";
import { mcpEndpointUrl, unauthorizedResponse } from "./protected-resource";
import { withMcpGuards, type GuardedMcpArgs, type McpRoute } from "./with-mcp-guards";

export type ProductionArgs = GuardedMcpArgs & { project: ProductionProject; caller: ProductionCaller; token: string | null };

const MISSING =
  "Unauthorized: this project is private. Connect with OAuth, or send a production access token as Authorization: Bearer <token> (Server tab → Production)";
// Existing clients and tests match this wording; it covers OAuth tokens too (expired, revoked or for another endpoint).
const REFUSED =
  "Unauthorized: the token is not valid for this project's production endpoint (it may have been revoked; draft tokens only open the draft endpoint)";

export function withProductionAuth(handler: (args: ProductionArgs) => Promise<Response>): McpRoute {
  return withMcpGuards("production", async ({ request, address }) => {
    const project = await findProductionProject(address);
    if (!project) return jsonRpcErrorResponse(404, "Not Found: there is no MCP server at this URL");
    const token = bearerToken(request);
    if (token) {
      const caller = await verifyProductionCredential({ token, project, resource: mcpEndpointUrl(address) });
      if (!caller) {
        await recordRefusedCall({ request, address, project, code: "invalid_token" });
        return unauthorizedResponse({ address, message: REFUSED, invalidToken: true });
      }
      return handler({ request, address, project, caller, token });
    }
    if (project.visibility === "PUBLIC") return handler({ request, address, project, caller: { kind: "anonymous" }, token: null });
    await recordRefusedCall({ request, address, project, code: "missing_credentials" });
    return unauthorizedResponse({ address, message: MISSING, invalidToken: false });
  });
}
