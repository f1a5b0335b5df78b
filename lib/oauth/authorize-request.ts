// GET /oauth/authorize: checks an authorization request in the order RFC 6749 §4.1.2.1 demands.
// 1. the client and its redirect URI — until both are known good, problems are shown on
//    Atelier's error page and nothing goes to the redirect URI;
// 2. the rest of the request (response_type, PKCE S256, resource; unknown scopes are ignored) — problems go back to
//    the client as `error=…` with `state` and `iss`;
// 3. the user: not signed in → the sign-in page, which comes back to this same URL;
// 4. everything good → the consent page, carrying the checked request, signed (consent-request.ts).
// Membership and role are shown (and enforced) on the consent page and again on its POST.
import type { Actor } from "@/lib/auth/actor";
import {
  clientRedirectUrl,
  consentPagePath,
  errorPagePath,
  logErrorDetail,
  signInPath,
  type AuthorizationErrorCode,
} from "./authorization-response";
import type { FetchDocumentOptions } from "./client-metadata-document";
import { resolveClient } from "./clients";
import { signConsentRequest } from "./consent-request";
import { isValidCodeChallenge } from "./pkce";
import { redirectUriMatches } from "./redirect-uris";
import { findResourceEndpoint } from "./resource";
import { parseScopes } from "./scopes";

/** Where to send the browser next: a path on Atelier or the client's redirect URI. */
export type AuthorizeOutcome = { location: string };

export async function checkAuthorizationRequest(options: {
  url: URL;
  origin: string;
  actor: Actor | null;
  documents?: FetchDocumentOptions;
}): Promise<AuthorizeOutcome> {
  const { url, origin } = options;
  const params = url.searchParams;
  const single = (name: string) => (params.getAll(name).length === 1 ? params.get(name) : null);

  // 1. Who is asking, and where the answer may go.
  const clientId = single("client_id");
  if (!clientId) return { location: errorPagePath("missing_client_id") };
  const lookup = await resolveClient(clientId, options.documents);
  if ("problem" in lookup) {
    return {
      location:
        lookup.problem === "unknown_client"
          ? errorPagePath("unknown_client")
          : errorPagePath("client_metadata", logErrorDetail("client_metadata", `${clientId}: ${lookup.message}`)),
    };
  }
  const { client } = lookup;
  const requestedRedirect = single("redirect_uri");
  // Without redirect_uri, a client with exactly one registered URI means that one (RFC 6749 §3.1.2.3).
  const redirectUri = requestedRedirect ?? (params.has("redirect_uri") || client.redirectUris.length !== 1 ? null : client.redirectUris[0]);
  if (!redirectUri || !redirectUriMatches(redirectUri, client.redirectUris)) return { location: errorPagePath("invalid_redirect_uri") };

  // 2. The request itself; from here on, errors go back to the client.
  const state = params.get("state");
  const fail = (error: AuthorizationErrorCode, description: string): AuthorizeOutcome => ({
    location: clientRedirectUrl({ redirectUri, issuer: origin, state, result: { error, description } }),
  });
  if (single("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
  const codeChallenge = single("code_challenge");
  if (!codeChallenge) return fail("invalid_request", "code_challenge is required (PKCE with S256)");
  if (single("code_challenge_method") !== "S256")
    return fail("invalid_request", "code_challenge_method must be S256 (plain is not supported)");
  if (!isValidCodeChallenge(codeChallenge))
    return fail("invalid_request", "code_challenge must be the base64url SHA-256 of the code verifier (43 characters)");
  const resources = params.getAll("resource");
  if (resources.length === 0) return fail("invalid_target", "resource is required: the URL of the MCP endpoint to connect to (RFC 8707)");
  if (resources.length > 1) return fail("invalid_target", "Send exactly one resource: a token opens one MCP endpoint");
  const endpoint = await findResourceEndpoint(resources[0], origin);
  if (!endpoint)
    return fail("invalid_target", `resource must be the URL of an MCP endpoint on ${origin}, exactly as the endpoint's metadata names it`);
  const scopes = parseScopes(params.get("scope"));

  // 3. Who is authorizing.
  if (!options.actor) return { location: signInPath(`${url.pathname}${url.search}`) };

  // 4. The consent page.
  const request = signConsentRequest({
    userId: options.actor.userId,
    clientId: client.id,
    redirectUri,
    codeChallenge,
    resource: endpoint.resource,
    organizationId: endpoint.organization.id,
    projectId: endpoint.kind === "project" ? endpoint.project.id : null,
    environment: endpoint.kind === "project" ? endpoint.environment : null,
    scopes: scopes.scopes,
    state,
  });
  return { location: consentPagePath(request) };
}
