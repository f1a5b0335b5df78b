// Auth of the draft endpoint: the project's draft token, or an OAuth access token or a studio test
// panel credential bound to this endpoint whose user may still use drafts. The token's prefix picks the one query that checks it.
// A missing or refused token is a 401 whose challenge points hosts at the endpoint's protected
// resource metadata.
import { bearerToken } from "@/lib/auth/actor";
import type { Project } from "@/lib/generated/prisma/client";
import { isOAuthAccessToken } from "@/lib/oauth/oauth-secrets";
import { verifyOAuthAccessToken } from "@/lib/oauth/verify-access-token";
import { findProjectByDraftToken } from "@/lib/projects/draft-token";
import { isTestPanelToken } from "@/lib/test-panel-credentials/test-panel-tokens";
import { verifyTestPanelToken } from "@/lib/test-panel-credentials/verify-test-panel-token";
import { mcpEndpointUrl, unauthorizedResponse, type EndpointAddress } from "./protected-resource";
import { recordRefusedCall } from "./record-refused-call";
import type { McpCaller } from "./types";
import { withMcpGuards, type GuardedMcpArgs, type McpRoute } from "./with-mcp-guards";

export type DraftProject = Omit<Project, "draftTokenHash">;
export type DraftTokenArgs = GuardedMcpArgs & { project: DraftProject; caller: McpCaller; token: string };

const MISSING = "Unauthorized: connect with OAuth, or send the project's draft token as Authorization: Bearer <token> (Server tab → Draft)";
// Existing clients and tests match the draft token's wording.
const REFUSED = "Unauthorized: the draft token is not valid for this project (it may have been rotated)";

/** The refusal names the credential that was actually sent (by its prefix). */
function refusedMessage(token: string): string {
  if (isOAuthAccessToken(token))
    return "Unauthorized: the OAuth access token is not valid for this endpoint (expired, revoked, issued for another endpoint, or its user may no longer use drafts). Refresh it or connect again.";
  if (isTestPanelToken(token))
    return "Unauthorized: the test panel's credential is not valid for this endpoint (it may have expired). Reload the page.";
  if (token.startsWith("atl_prod_"))
    return "Unauthorized: a production access token only opens the production endpoint; the draft endpoint takes the draft token or OAuth.";
  return REFUSED;
}

async function verifyDraftCredential(
  token: string,
  address: EndpointAddress,
): Promise<{ project: DraftProject; caller: McpCaller } | null> {
  if (isOAuthAccessToken(token)) return verifyOAuthAccessToken({ token, resource: mcpEndpointUrl(address) });
  if (isTestPanelToken(token)) return verifyTestPanelToken({ token, resource: mcpEndpointUrl(address) });
  const project = await findProjectByDraftToken({ orgSlug: address.orgSlug, projectSlug: address.projectSlug, token });
  return project ? { project, caller: { kind: "draft_token" } } : null;
}

export function withDraftToken(handler: (args: DraftTokenArgs) => Promise<Response>): McpRoute {
  return withMcpGuards("draft", async ({ request, address }) => {
    const token = bearerToken(request);
    if (!token) {
      await recordRefusedCall({ request, address, code: "missing_credentials" });
      return unauthorizedResponse({ address, message: MISSING, invalidToken: false });
    }
    const verified = await verifyDraftCredential(token, address);
    if (!verified) {
      await recordRefusedCall({ request, address, code: "invalid_token" });
      return unauthorizedResponse({ address, message: refusedMessage(token), invalidToken: true });
    }
    return handler({ request, address, project: verified.project, caller: verified.caller, token });
  });
}
