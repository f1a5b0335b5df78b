// Client metadata (RFC 7591 §2) as Atelier accepts it, from a registration request (DCR) or a
// Client ID Metadata Document: the same rules for both. Problems with redirect URIs are
// `invalid_redirect_uri`, anything else `invalid_client_metadata` (RFC 7591 §3.2.2).
import { z } from "zod";
import { OAuthError } from "./oauth-error";
import { redirectHost, redirectUriProblem } from "./redirect-uris";
import { parseScopes } from "./scopes";

const MAX_REDIRECT_URIS = 20;

/** What Atelier keeps of a client's metadata. */
export type ClientMetadata = {
  name: string;
  redirectUris: string[];
  tokenEndpointAuthMethod: "none" | "client_secret_post";
  clientUri: string | null;
  logoUri: string | null;
  grantTypes: string[];
  scope: string;
};

const httpsUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an https URL");

const metadataSchema = z.object({
  redirect_uris: z
    .array(z.string(), { message: "redirect_uris must be an array of URLs" })
    .min(1, "redirect_uris must name at least one URL"),
  client_name: z.string().trim().min(1, "client_name must not be empty").max(200, "client_name must be at most 200 characters").optional(),
  token_endpoint_auth_method: z.string().optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  scope: z.string().optional(),
  client_uri: httpsUrl.optional(),
  logo_uri: httpsUrl.optional(),
});

const GRANT_TYPES = ["authorization_code", "refresh_token"];

/**
 * Validates metadata and returns what is kept. `allowSecret` is false for metadata documents:
 * a client named by a URL is public (a document anyone can read cannot hold a secret).
 */
export function parseClientMetadata(input: unknown, options: { allowSecret: boolean }): ClientMetadata {
  if (!input || typeof input !== "object" || Array.isArray(input))
    throw new OAuthError("invalid_client_metadata", "The client metadata must be a JSON object");
  const result = metadataSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const code = field === "redirect_uris" ? "invalid_redirect_uri" : "invalid_client_metadata";
    const message = issue?.message.startsWith(field) ? issue.message : `${field}: ${issue?.message}`;
    throw new OAuthError(code, message);
  }
  const metadata = result.data;

  if (metadata.redirect_uris.length > MAX_REDIRECT_URIS)
    throw new OAuthError("invalid_redirect_uri", `At most ${MAX_REDIRECT_URIS} redirect_uris are allowed`);
  for (const uri of metadata.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new OAuthError("invalid_redirect_uri", `The redirect URI ${JSON.stringify(uri.slice(0, 200))} ${problem}`);
  }

  const grantTypes = metadata.grant_types ?? ["authorization_code", "refresh_token"];
  const unsupportedGrant = grantTypes.find((grant) => !GRANT_TYPES.includes(grant));
  if (unsupportedGrant)
    throw new OAuthError(
      "invalid_client_metadata",
      `grant_types: ${unsupportedGrant} is not supported (authorization_code and refresh_token are)`,
    );
  if (!grantTypes.includes("authorization_code"))
    throw new OAuthError("invalid_client_metadata", "grant_types must include authorization_code");
  const unsupportedResponse = (metadata.response_types ?? ["code"]).find((type) => type !== "code");
  if (unsupportedResponse)
    throw new OAuthError("invalid_client_metadata", `response_types: ${unsupportedResponse} is not supported (only code is)`);

  // Unknown scopes (offline_access…) are left out of the registration, as at the authorization endpoint.
  const scopes = parseScopes(metadata.scope);

  return {
    name: metadata.client_name ?? redirectHost(metadata.redirect_uris[0]),
    redirectUris: metadata.redirect_uris,
    tokenEndpointAuthMethod: authMethod(metadata.token_endpoint_auth_method, options.allowSecret),
    clientUri: metadata.client_uri ?? null,
    logoUri: metadata.logo_uri ?? null,
    grantTypes,
    scope: scopes.scopes.join(" "),
  };
}

/**
 * RFC 7591 defaults to client_secret_basic, which public MCP hosts never want; an absent method
 * is "none" here. A client asking for client_secret_basic gets client_secret_post (the answer
 * says so, as §3.2.1 allows), and the token endpoint accepts its secret in either place.
 */
function authMethod(requested: string | undefined, allowSecret: boolean): ClientMetadata["tokenEndpointAuthMethod"] {
  if (requested === undefined || requested === "none") return "none";
  if (allowSecret && (requested === "client_secret_post" || requested === "client_secret_basic")) return "client_secret_post";
  const supported = allowSecret ? "none or client_secret_post" : "none (a client identified by a metadata document is public)";
  throw new OAuthError(
    "invalid_client_metadata",
    `token_endpoint_auth_method ${JSON.stringify(requested)} is not supported: use ${supported}`,
  );
}
