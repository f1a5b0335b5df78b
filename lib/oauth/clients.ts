// Finding the client a request names: a registered client (DCR) by its id, or a client named by
// its metadata document URL, fetched on first use and refetched once the copy is older than the
// document's Cache-Control allowed (within bounds: client-metadata-document.ts).
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import { CLIENT_METADATA_MAX_AGE_SECONDS } from "./config";
import {
  ClientMetadataDocumentError,
  fetchClientMetadataDocument,
  isMetadataDocumentClientId,
  type FetchDocumentOptions,
} from "./client-metadata-document";
import { OAuthError } from "./oauth-error";

const clientSelect = {
  id: true,
  clientId: true,
  kind: true,
  name: true,
  clientUri: true,
  redirectUris: true,
  tokenEndpointAuthMethod: true,
  fetchedAt: true,
  metadataMaxAgeSeconds: true,
} as const;

export type OAuthClientRecord = Prisma.OAuthClientGetPayload<{ select: typeof clientSelect }>;

export type ClientLookup =
  | { client: OAuthClientRecord }
  | { problem: "unknown_client" }
  | { problem: "metadata_document"; message: string };

/** The client an authorization request names (fetching its metadata document when needed). */
export async function resolveClient(clientId: string, options: FetchDocumentOptions = {}): Promise<ClientLookup> {
  if (clientId.length > 2000) return { problem: "unknown_client" };
  const stored = await db.oAuthClient.findUnique({ where: { clientId }, select: clientSelect });
  if (!isMetadataDocumentClientId(clientId)) return stored?.kind === "REGISTERED" ? { client: stored } : { problem: "unknown_client" };
  const maxAge = stored?.metadataMaxAgeSeconds ?? CLIENT_METADATA_MAX_AGE_SECONDS.default;
  const fresh = stored?.fetchedAt && Date.now() - stored.fetchedAt.getTime() < maxAge * 1000;
  if (stored && fresh) return { client: stored };
  try {
    const { metadata, document, maxAgeSeconds } = await fetchClientMetadataDocument(clientId, options);
    const data = {
      name: metadata.name,
      clientUri: metadata.clientUri,
      logoUri: metadata.logoUri,
      redirectUris: metadata.redirectUris,
      tokenEndpointAuthMethod: "none",
      metadata: document as Prisma.InputJsonObject,
      fetchedAt: new Date(),
      metadataMaxAgeSeconds: maxAgeSeconds,
    };
    const client = await db.oAuthClient.upsert({
      where: { clientId },
      create: { clientId, kind: "METADATA_DOCUMENT", ...data },
      update: data,
      select: clientSelect,
    });
    return { client };
  } catch (error) {
    if (error instanceof ClientMetadataDocumentError) return { problem: "metadata_document", message: error.message };
    throw error;
  }
}

/** A client found by its internal id (from a signed consent request). */
export async function findClientById(id: string): Promise<OAuthClientRecord | null> {
  return db.oAuthClient.findUnique({ where: { id }, select: clientSelect });
}

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3): the client_id,
 * plus the client secret for a client registered with client_secret_post (sent in the body, or
 * with HTTP Basic for clients that use it anyway). A metadata document client must have been seen
 * at the authorization endpoint first; it is never fetched here.
 */
export async function authenticateClient(options: {
  clientId: string | undefined;
  clientSecret: string | undefined;
}): Promise<OAuthClientRecord> {
  if (!options.clientId) throw new OAuthError("invalid_client", "The client_id parameter is required");
  const client = await db.oAuthClient.findUnique({
    where: { clientId: options.clientId },
    select: { ...clientSelect, clientSecretHash: true },
  });
  if (!client) throw new OAuthError("invalid_client", "Unknown client: register it first (or use a client metadata document URL)");
  const { clientSecretHash, ...record } = client;
  if (client.tokenEndpointAuthMethod === "client_secret_post") {
    if (!options.clientSecret) throw new OAuthError("invalid_client", "This client must authenticate with its client_secret");
    if (!clientSecretHash || !hashesEqual(clientSecretHash, hashToken(options.clientSecret)))
      throw new OAuthError("invalid_client", "The client_secret is not valid");
  }
  return record;
}

/** client_id and client_secret from the body, or from an HTTP Basic Authorization header. */
export function clientCredentials(
  request: Request,
  params: Record<string, string>,
): { clientId: string | undefined; clientSecret: string | undefined } {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const separator = decoded.indexOf(":");
    if (separator > 0) {
      return { clientId: formDecode(decoded.slice(0, separator)), clientSecret: formDecode(decoded.slice(separator + 1)) };
    }
  }
  return { clientId: params.client_id, clientSecret: params.client_secret };
}

// RFC 6749 §2.3.1: Basic credentials are form-encoded first.
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_client", "The Basic credentials are not correctly encoded");
  }
}
