// The handlers behind POST /oauth/register (and /register) and /oauth/register/{clientId}.
import { bearerToken } from "@/lib/auth/actor";
import { publicOrigin } from "@/lib/public-origin";
import { oauthJson, OAuthError, withOAuthErrors } from "./oauth-error";
import { deleteClientRegistration, getClientRegistration, registerClient } from "./register-client";

const MAX_BODY_BYTES = 64 * 1024;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new OAuthError("invalid_client_metadata", "The registration request is too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client_metadata", "The registration request must be a JSON object (Content-Type: application/json)");
  }
}

// POST /oauth/register – RFC 7591: 201 with client_id, the secret (client_secret_post only) and registration_client_uri
export const handleRegister = withOAuthErrors(async (request) => {
  const registration = await registerClient({ body: await readJson(request), origin: publicOrigin(request) });
  return oauthJson(registration, { status: 201 });
});

// GET /oauth/register/{clientId} – RFC 7592 read, with the registration access token as a bearer token
export const handleReadRegistration = withOAuthErrors(async (request, context) => {
  const { clientId } = await context.params;
  const registration = await getClientRegistration({ clientId, registrationToken: bearerToken(request), origin: publicOrigin(request) });
  return oauthJson(registration);
});

// DELETE /oauth/register/{clientId} – RFC 7592 delete: 204; the client's grants are revoked
export const handleDeleteRegistration = withOAuthErrors(async (request, context) => {
  const { clientId } = await context.params;
  await deleteClientRegistration({ clientId, registrationToken: bearerToken(request) });
  return new Response(null, { status: 204, headers: { "Access-Control-Allow-Origin": "*" } });
});
