// Dynamic Client Registration (RFC 7591) and reading or deleting a registration with its
// registration access token (RFC 7592). Registration is open, as MCP hosts expect: a client
// reaches nothing until a signed-in member authorizes it on the consent page, which names it as
// unverified. The client secret and the registration token are returned once and stored hashed.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import { OAUTH_PATHS } from "./config";
import { parseClientMetadata, type ClientMetadata } from "./client-metadata";
import { OAuthError } from "./oauth-error";
import { generateOAuthSecret, isOAuthSecret } from "./oauth-secrets";
import { unsafeRevokeGrant } from "./revoke-grant";

const registrationSelect = {
  id: true,
  clientId: true,
  name: true,
  redirectUris: true,
  tokenEndpointAuthMethod: true,
  clientUri: true,
  logoUri: true,
  metadata: true,
  createdAt: true,
} as const;

type RegistrationRow = Prisma.OAuthClientGetPayload<{ select: typeof registrationSelect }>;

/** The client's metadata as RFC 7591 §3.2.1 returns it (secrets are added by the caller, once). */
function presentRegistration(row: RegistrationRow, origin: string) {
  const stored = row.metadata as { grant_types?: string[]; scope?: string };
  return {
    client_id: row.clientId,
    client_id_issued_at: Math.floor(row.createdAt.getTime() / 1000),
    client_name: row.name,
    redirect_uris: row.redirectUris,
    token_endpoint_auth_method: row.tokenEndpointAuthMethod,
    grant_types: stored.grant_types ?? ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: stored.scope ?? "mcp",
    ...(row.clientUri ? { client_uri: row.clientUri } : {}),
    ...(row.logoUri ? { logo_uri: row.logoUri } : {}),
    registration_client_uri: `${origin}${OAUTH_PATHS.register}/${encodeURIComponent(row.clientId)}`,
  };
}

export async function registerClient(options: { body: unknown; origin: string }) {
  const metadata: ClientMetadata = parseClientMetadata(options.body, { allowSecret: true });
  // Never an URL, so it can't be mistaken for a Client ID Metadata Document's client_id.
  const clientId = `atlc_${randomBytes(16).toString("base64url")}`;
  const secret = metadata.tokenEndpointAuthMethod === "client_secret_post" ? generateOAuthSecret("clientSecret") : null;
  const registrationToken = generateOAuthSecret("registrationToken");
  const row = await db.oAuthClient.create({
    data: {
      clientId,
      kind: "REGISTERED",
      name: metadata.name,
      clientUri: metadata.clientUri,
      logoUri: metadata.logoUri,
      redirectUris: metadata.redirectUris,
      tokenEndpointAuthMethod: metadata.tokenEndpointAuthMethod,
      clientSecretHash: secret?.hash ?? null,
      registrationTokenHash: registrationToken.hash,
      metadata: { grant_types: metadata.grantTypes, scope: metadata.scope },
    },
    select: registrationSelect,
  });
  return {
    ...presentRegistration(row, options.origin),
    ...(secret ? { client_secret: secret.value, client_secret_expires_at: 0 } : {}),
    registration_access_token: registrationToken.value,
  };
}

/**
 * The registered client the registration access token belongs to. Any mismatch — unknown client,
 * wrong or missing token — is the same 401, so client ids can't be probed with it.
 */
async function findRegistration(options: { clientId: string; registrationToken: string | null }) {
  const token = options.registrationToken;
  const refused = new OAuthError("invalid_token", "The registration access token is missing or not valid for this client");
  if (!token || !isOAuthSecret("registrationToken", token)) throw refused;
  const hash = hashToken(token);
  const row = await db.oAuthClient.findUnique({
    where: { registrationTokenHash: hash },
    select: { ...registrationSelect, registrationTokenHash: true },
  });
  if (!row?.registrationTokenHash || row.clientId !== options.clientId || !hashesEqual(row.registrationTokenHash, hash)) throw refused;
  return row;
}

export async function getClientRegistration(options: { clientId: string; registrationToken: string | null; origin: string }) {
  return presentRegistration(await findRegistration(options), options.origin);
}

/** Deletes the registration; its grants are revoked first (audited), so nothing it held keeps working. */
export async function deleteClientRegistration(options: { clientId: string; registrationToken: string | null }) {
  const row = await findRegistration(options);
  await db.$transaction(async (tx) => {
    const grants = await tx.oAuthGrant.findMany({ where: { clientId: row.id, revokedAt: null }, select: { id: true } });
    for (const grant of grants) await unsafeRevokeGrant({ tx, grantId: grant.id, reason: "client_deleted", actor: null });
    await tx.oAuthClient.delete({ where: { id: row.id } });
  });
}
