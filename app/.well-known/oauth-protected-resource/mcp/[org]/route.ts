// RFC 9728 metadata of the organization's studio MCP server: `resource` is {origin}/mcp/{org} exactly.
import { withErrors } from "@/lib/api/route";
import { handleStudioProtectedResourceMetadata, metadataPreflightResponse } from "@/lib/mcp/protected-resource-route";

export const dynamic = "force-dynamic";

// GET /.well-known/oauth-protected-resource/mcp/{org} – public, CORS *
export const GET = withErrors(async (request, context) => {
  const { org } = await context.params;
  return handleStudioProtectedResourceMetadata(request, { org });
});
export const OPTIONS = metadataPreflightResponse;
