// RFC 9728 metadata of a draft endpoint: where hosts learn which authorization server to use.
import { withErrors } from "@/lib/api/route";
import { handleProtectedResourceMetadata, metadataPreflightResponse } from "@/lib/mcp/protected-resource-route";

export const dynamic = "force-dynamic";

// GET /.well-known/oauth-protected-resource/mcp/{org}/{project}/draft – public, CORS *
export const GET = withErrors(async (request, context) => {
  const { org, project } = await context.params;
  return handleProtectedResourceMetadata(request, { org, project, environment: "draft" });
});
export const OPTIONS = metadataPreflightResponse;
