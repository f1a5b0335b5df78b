// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, MCP 2025-11-25):
// a client_id that is an https URL names a JSON document, served by the client, that describes
// it. Atelier fetches it on the client's first authorization request and keeps a copy
// (OAuthClient kind METADATA_DOCUMENT) for as long as the document's Cache-Control allows, within
// bounds (documentMaxAge).
//
// The fetch is made on behalf of an anonymous caller, so it is fenced: https only, no userinfo or
// fragment, a public address only (no loopback, private or link-local targets), 5 s, 64 KB,
// redirects followed only within the same origin. ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS (or
// the allowInsecureUrls option) lifts the scheme and address rules (tests serve documents from 127.0.0.1).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { parseClientMetadata, type ClientMetadata } from "./client-metadata";
import { CLIENT_METADATA_MAX_AGE_SECONDS } from "./config";

export type FetchDocumentOptions = {
  /** Allow plain http and loopback or private addresses; defaults to ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS. */
  allowInsecureUrls?: boolean;
};

const FETCH_TIMEOUT_MS = 5_000;
const MAX_DOCUMENT_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;

/** A document that could not be used; the message is shown to the person authorizing. */
export class ClientMetadataDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientMetadataDocumentError";
  }
}

/** Whether a client_id is meant as a metadata document URL (else it is a registered client's id). */
export function isMetadataDocumentClientId(clientId: string): boolean {
  return /^https?:\/\//i.test(clientId);
}

function checkUrl(value: string, insecureAllowed: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ClientMetadataDocumentError("The client_id is not a valid URL");
  }
  if (url.protocol !== "https:" && !(insecureAllowed && url.protocol === "http:"))
    throw new ClientMetadataDocumentError("A client_id URL must use https");
  if (url.username || url.password || url.hash)
    throw new ClientMetadataDocumentError("A client_id URL must not contain credentials or a fragment");
  if (url.pathname === "/" || url.pathname === "") throw new ClientMetadataDocumentError("A client_id URL must have a path");
  if (url.href !== value) throw new ClientMetadataDocumentError("A client_id URL must be in normalized form");
  return url;
}

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");

function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return !NON_PUBLIC.check(mapped[1], "ipv4");
  return !NON_PUBLIC.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * Refuses hosts that resolve to a non-public address. (A DNS answer could change between this
 * lookup and the fetch; the time, size and redirect limits bound what such a trick could reach.)
 */
async function checkAddress(url: URL, insecureAllowed: boolean) {
  if (insecureAllowed) return;
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(hostname) ? [{ address: hostname }] : await lookup(hostname, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new ClientMetadataDocumentError(`The client's host ${url.hostname} could not be resolved`);
  if (!addresses.every((entry) => isPublicAddress(entry.address)))
    throw new ClientMetadataDocumentError(`The client's host ${url.hostname} is not a public address`);
}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_DOCUMENT_BYTES) throw new ClientMetadataDocumentError("The client metadata document is too large");
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw new ClientMetadataDocumentError("The client metadata document is too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function fetchDocument(start: URL, insecureAllowed: boolean): Promise<{ text: string; maxAgeSeconds: number }> {
  let url = start;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await checkAddress(url, insecureAllowed);
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", signal, headers: { Accept: "application/json" } });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new ClientMetadataDocumentError(
        timedOut ? "The client metadata document did not arrive within 5 seconds" : "The client metadata document could not be fetched",
      );
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      await response.body?.cancel();
      const next = location ? new URL(location, url) : null;
      if (!next || next.origin !== start.origin)
        throw new ClientMetadataDocumentError("The client metadata document redirects to another host");
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ClientMetadataDocumentError(`The client metadata document answered HTTP ${response.status}`);
    }
    return { text: await readLimited(response), maxAgeSeconds: documentMaxAge(response.headers) };
  }
  throw new ClientMetadataDocumentError("The client metadata document redirects too many times");
}

/**
 * How long a fetched document may be used, in seconds: its Cache-Control max-age less its Age,
 * kept within CLIENT_METADATA_MAX_AGE_SECONDS' bounds, so a document can neither make Atelier fetch
 * it on every request nor pin a copy for days. no-store and no-cache mean the minimum; no max-age,
 * the default.
 */
export function documentMaxAge(headers: Headers): number {
  const { default: fallback, min, max } = CLIENT_METADATA_MAX_AGE_SECONDS;
  const directives = (headers.get("cache-control") ?? "")
    .toLowerCase()
    .split(",")
    .map((directive) => directive.trim());
  if (directives.includes("no-store") || directives.includes("no-cache")) return min;
  const maxAge = directives.map((directive) => /^max-age\s*=\s*"?(\d+)"?$/.exec(directive)?.[1]).find((value) => value !== undefined);
  if (maxAge === undefined) return fallback;
  const age = Number(headers.get("age"));
  const remaining = Number(maxAge) - (Number.isFinite(age) && age > 0 ? age : 0);
  return Math.min(max, Math.max(min, remaining));
}

/** Fetches and checks the document a client_id URL names: it must name itself and its redirect URIs. */
export async function fetchClientMetadataDocument(
  clientId: string,
  options: FetchDocumentOptions = {},
): Promise<{ metadata: ClientMetadata; document: Record<string, unknown>; maxAgeSeconds: number }> {
  const insecureAllowed = options.allowInsecureUrls ?? env().ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS;
  const url = checkUrl(clientId, insecureAllowed);
  const { text, maxAgeSeconds } = await fetchDocument(url, insecureAllowed);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ClientMetadataDocumentError("The client metadata document is not valid JSON");
  }
  if (!document || typeof document !== "object" || Array.isArray(document))
    throw new ClientMetadataDocumentError("The client metadata document is not a JSON object");
  const fields = document as Record<string, unknown>;
  if (fields.client_id !== clientId) throw new ClientMetadataDocumentError("The client metadata document's client_id is not its own URL");
  if ("client_secret" in fields || "client_secret_expires_at" in fields)
    throw new ClientMetadataDocumentError("A client metadata document must not contain a client secret");
  try {
    return { metadata: parseClientMetadata(fields, { allowSecret: false }), document: fields, maxAgeSeconds };
  } catch (error) {
    throw new ClientMetadataDocumentError(
      `The client metadata document is not valid: ${error instanceof Error ? error.message : "invalid metadata"}`,
    );
  }
}
