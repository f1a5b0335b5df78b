// RFC 8414 authorization server metadata, also served at the OpenID discovery path (hosts try
// both). The issuer is the public origin, so every endpoint below lives on it.
import type { OAuthMetadata } from "@modelcontextprotocol/server";
import { ORIGIN_VARY } from "@/lib/mcp/protected-resource";
import { OAUTH_PATHS, OAUTH_SCOPES } from "./config";

export function buildAuthorizationServerMetadata(origin: string) {
  return {
    issuer: origin,
    authorization_endpoint: `${origin}${OAUTH_PATHS.authorize}`,
    token_endpoint: `${origin}${OAUTH_PATHS.token}`,
    registration_endpoint: `${origin}${OAUTH_PATHS.register}`,
    revocation_endpoint: `${origin}${OAUTH_PATHS.revoke}`,
    scopes_supported: [...OAUTH_SCOPES],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_post"],
    revocation_endpoint_auth_methods_supported: ["none", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
    // RFC 8707: a token is bound to the one endpoint named in `resource`.
    resource_indicators_supported: true,
  } satisfies OAuthMetadata & Record<string, unknown>;
}

/** GET handler of the discovery documents: public, cacheable for a few minutes, readable from any origin. */
export function authorizationServerMetadataResponse(origin: string): Response {
  return Response.json(buildAuthorizationServerMetadata(origin), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300", ...ORIGIN_VARY },
  });
}

export function discoveryPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "600",
    },
  });
}
