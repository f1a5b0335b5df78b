// Auth of the draft endpoint: the project's draft token as a bearer token. A missing or refused
// token is a 401 whose challenge points hosts at the endpoint's protected resource metadata.
import { bearerToken } from "@/lib/auth/actor";
import { findProjectByDraftToken } from "@/lib/projects/draft-token";
import { unauthorizedResponse } from "./protected-resource";
import type { McpCaller } from "./types";
import { withMcpGuards, type GuardedMcpArgs, type McpRoute } from "./with-mcp-guards";

export type DraftProject = NonNullable<Awaited<ReturnType<typeof findProjectByDraftToken>>>;
export type DraftTokenArgs = GuardedMcpArgs & { project: DraftProject; caller: McpCaller; token: string };

const MISSING = "Unauthorized: send the project's draft token as Authorization: Bearer <token> (Server tab → Draft)";
const REFUSED = "Unauthorized: the draft token is not valid for this project (it may have been rotated)";

export function withDraftToken(handler: (args: DraftTokenArgs) => Promise<Response>): McpRoute {
  return withMcpGuards("draft", async ({ request, address }) => {
    const token = bearerToken(request);
    if (!token) return unauthorizedResponse({ address, message: MISSING, invalidToken: false });
    const project = await findProjectByDraftToken({ orgSlug: address.orgSlug, projectSlug: address.projectSlug, token });
    if (!project) return unauthorizedResponse({ address, message: REFUSED, invalidToken: true });
    return handler({ request, address, project, caller: { kind: "draft_token" }, token });
  });
}
