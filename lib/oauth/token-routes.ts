// The handlers behind POST /oauth/token (and /token) and POST /oauth/revoke.
import { authenticateClient, clientCredentials } from "./clients";
import { exchangeAuthorizationCode, refreshAccessToken } from "./exchange-token";
import { oauthJson, OAuthError, withOAuthErrors } from "./oauth-error";
import { readOAuthParams } from "./request-params";
import { revokeToken } from "./revoke-token";

// POST /oauth/token – authorization_code (PKCE) and refresh_token (rotation); OAuth-shaped errors, no-store
export const handleToken = withOAuthErrors(async (request) => {
  const params = await readOAuthParams(request);
  const grantType = params.grant_type;
  if (!grantType) throw new OAuthError("invalid_request", "The grant_type parameter is required");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    throw new OAuthError("unsupported_grant_type", `grant_type ${grantType} is not supported (authorization_code and refresh_token are)`);
  }
  const client = await authenticateClient(clientCredentials(request, params));
  const tokens =
    grantType === "authorization_code" ? await exchangeAuthorizationCode({ client, params }) : await refreshAccessToken({ client, params });
  return oauthJson(tokens);
});

// POST /oauth/revoke – RFC 7009: 200 whether or not the token was known
export const handleRevoke = withOAuthErrors(async (request) => {
  const params = await readOAuthParams(request);
  const { clientId, clientSecret } = clientCredentials(request, params);
  const token = params.token;
  if (!token) throw new OAuthError("invalid_request", "The token parameter is required");
  // A client that identifies itself must authenticate; a token is also revocable by whoever holds it.
  const client = clientId ? await authenticateClient({ clientId, clientSecret }) : null;
  await revokeToken({ token, client });
  return new Response(null, { status: 200, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" } });
});
