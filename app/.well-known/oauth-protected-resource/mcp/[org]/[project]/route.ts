// RFC 9728 metadata of a production endpoint: `resource` is the production URL exactly.
import { withErrors } from "@/lib/api/route";
import { handleProtectedResourceMetadata, metadataPreflightResponse } from "@/lib/mcp/protected-resource-route";

export const dynamic = "force-dynamic";

// GET /.well-known/oauth-protected-resource/mcp/{org}/{project} – public, CORS *
export const GET = withErrors(async (request, context) => {
  const { org, project } = await context.params;
  return handleProtectedResourceMetadata(request, { org, project, environment: "production" });
});
export const OPTIONS = metadataPreflightResponse;
