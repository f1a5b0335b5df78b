// The draft endpoint, /mcp/{org}/{project}/draft: the project's live rows, so every save in the
// studio is served on the next request without a restart. The snapshot is cached per draft
// revision, which the auth query has just read (see lib/tools/draft-snapshot.ts).
import { recordToolCall } from "@/lib/executions/recorder";
import type { ExecutionSource } from "@/lib/executions/recorder-row";
import { requestClientIp } from "@/lib/rate-limit/client-ip";
import { projectRateLimits } from "@/lib/rate-limit/tool-call-limits";
import { getDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { requestLocale, serveProject } from "./serve-project";
import type { DraftTokenArgs } from "./with-draft-token";

export const DRAFT_SERVER_VERSION = "draft";

export async function serveDraft({ request, address, project, caller, token }: DraftTokenArgs): Promise<Response> {
  const snapshot = await getDraftSnapshot(project);
  const clientIp = requestClientIp(request);
  const source: ExecutionSource = {
    projectId: project.id,
    organizationId: project.organizationId,
    environment: "draft",
    packageVersion: null,
    caller,
    clientIp,
  };
  return serveProject({
    request,
    address,
    snapshot,
    token,
    context: {
      projectSlug: project.slug,
      environment: "draft",
      version: DRAFT_SERVER_VERSION,
      locale: requestLocale(request),
      caller,
      clientIp,
      onToolCall: (record) => recordToolCall(source, record),
    },
    // The auth query read the whole project row: its limits are as fresh as its token.
    rateLimits: projectRateLimits(project),
  });
}
