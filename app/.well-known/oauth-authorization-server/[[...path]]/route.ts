// RFC 8414 authorization server metadata. Also answered with a path suffix
// (/.well-known/oauth-authorization-server/mcp/{org}/{project}[/draft]): hosts that take the MCP
// endpoint URL for the issuer look there, and the document is the same for every endpoint.
import { publicOrigin } from "@/lib/public-origin";
import { authorizationServerMetadataResponse, discoveryPreflightResponse } from "@/lib/oauth/server-metadata";

export const dynamic = "force-dynamic";

// GET /.well-known/oauth-authorization-server[/…] – public, CORS *
export async function GET(request: Request) {
  return authorizationServerMetadataResponse(publicOrigin(request));
}
export const OPTIONS = discoveryPreflightResponse;
