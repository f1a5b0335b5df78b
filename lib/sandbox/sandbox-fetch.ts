import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { isDomainAllowed } from "./allowed-domains";
import type { FetchBudget } from "./fetch-budget";
import { MAX_FETCH_BODY_BYTES, MAX_FETCH_REDIRECTS } from "./limits";
import { AddressRefused, createCheckedLookup, type NetworkPolicy, refusedAddressReason, refusedConnectionMessage } from "./network-policy";

/** What crosses back into the isolate; the isolate turns it into a Response-like object. */
export type SandboxFetchOutcome =
  | { ok: true; status: number; statusText: string; url: string; headers: [string, string][]; body: string }
  | { ok: false; message: string };

type FetchRequest = { method: string; headers: Record<string, string>; body?: string };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials a handler attached for one host must not follow a redirect to another origin.
const CROSS_ORIGIN_STRIPPED_HEADERS = ["authorization", "cookie", "proxy-authorization"];

/**
 * Host side of the sandbox's `fetch`. Every hop is checked against the tool's allowed domains
 * before any connection is opened, and every connection against the network policy on the
 * address it actually connects to (network-policy.ts). The call's budget bounds how many
 * requests run at once and how many response bytes the host holds for it. Failures are
 * returned, not thrown, so no host stack trace ever reaches the handler.
 */
export async function sandboxFetch(options: {
  url: unknown;
  init: unknown;
  allowedDomains: string[];
  network: NetworkPolicy;
  budget: FetchBudget;
  /** Aborted when the handler finishes or runs out of time, which bounds every request. */
  signal: AbortSignal;
}): Promise<SandboxFetchOutcome> {
  let host = "";
  let release: (() => void) | null = null;
  try {
    const request = readRequest(options.init);
    let url = parseUrl(options.url);
    release = await options.budget.acquire(options.signal);
    for (let hop = 0; hop <= MAX_FETCH_REDIRECTS; hop++) {
      host = url.host;
      assertAllowed(url, options.allowedDomains);
      const response = await send(url, request, options.network, options.signal);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined) {
        return { ok: true, ...(await readResponse(response, url, options.budget)) };
      }
      response.destroy();
      const next = parseUrl(new URL(location, url).href);
      followRedirect(request, response.statusCode ?? 0, url, next);
      url = next;
    }
    return { ok: false, message: `fetch gave up after ${MAX_FETCH_REDIRECTS} redirects` };
  } catch (error) {
    return { ok: false, message: describeFailure(error, host, options.signal) };
  } finally {
    release?.();
  }
}

class FetchRefused extends Error {}

function parseUrl(value: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new FetchRefused(`fetch needs an absolute http(s) URL, got "${String(value).slice(0, 200)}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefused(`fetch only supports http and https URLs, not ${url.protocol}`);
  }
  return url;
}

function assertAllowed(url: URL, allowedDomains: string[]) {
  if (isDomainAllowed(url, allowedDomains)) return;
  throw new FetchRefused(`fetch to ${url.host} was blocked: ${url.host} is not in this tool's allowed domains`);
}

/**
 * One request, one fresh connection (no pooled socket outlives the check). An IP literal is
 * checked here (the socket makes no lookup for it); a name is checked by the lookup, on the
 * addresses the socket then connects to.
 */
function send(url: URL, request: FetchRequest, network: NetworkPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(hostname)) {
    const reason = refusedAddressReason(hostname, network.allowPrivateNetworks);
    if (reason) throw new AddressRefused(refusedConnectionMessage(url.host, reason));
  }
  const headers = { ...request.headers };
  if (request.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) {
    headers["content-length"] = String(Buffer.byteLength(request.body));
  }
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const outgoing = send(url, { method: request.method, headers, agent: false, lookup: createCheckedLookup(network), signal }, resolve);
    outgoing.once("error", reject);
    outgoing.end(request.body);
  });
}

// The isolate refuses these first (isolate-globals.ts); the host checks again as its own backstop, never trusting the isolate.
function readRequest(init: unknown): FetchRequest {
  const { method = "GET", headers = {}, body } = (init ?? {}) as Record<string, unknown>;
  if (typeof method !== "string") throw new FetchRefused("fetch `method` must be a string");
  if (body !== undefined && body !== null && typeof body !== "string") {
    throw new FetchRefused("fetch `body` must be a string (use JSON.stringify for objects)");
  }
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new FetchRefused("fetch `headers` must be a plain object of strings");
  }
  const entries = Object.entries(headers).map(([name, value]) => [name, String(value)]);
  return { method: method.toUpperCase(), headers: Object.fromEntries(entries), body: body ?? undefined };
}

// Same rewrites as the fetch standard: 303 (and 301/302 after POST) become a bodiless GET.
function followRedirect(request: FetchRequest, status: number, from: URL, to: URL) {
  if (status === 303 || ((status === 301 || status === 302) && request.method === "POST")) {
    request.method = "GET";
    request.body = undefined;
  }
  if (from.origin !== to.origin) {
    request.headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !CROSS_ORIGIN_STRIPPED_HEADERS.includes(name.toLowerCase())),
    );
  }
}

// Decoded as fetch would, so the size limits apply to what the handler gets (a small gzip bomb
// is cut off like a large plain body).
function decodedBody(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "")
    .trim()
    .toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());
  return response;
}

async function readResponse(response: IncomingMessage, url: URL, budget: FetchBudget) {
  const chunks: Buffer[] = [];
  let size = 0;
  let held = 0;
  const body = decodedBody(response);
  try {
    // Read incrementally so an oversized body is cut off instead of buffered whole on the host.
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_FETCH_BODY_BYTES) {
        throw new FetchRefused(`response from ${url.host} is larger than ${MAX_FETCH_BODY_BYTES / 1024 / 1024} MB`);
      }
      budget.hold(chunk.byteLength);
      held += chunk.byteLength;
      chunks.push(chunk);
    }
    const headers: [string, string][] = [];
    for (let index = 0; index < response.rawHeaders.length; index += 2) {
      headers.push([response.rawHeaders[index].toLowerCase(), response.rawHeaders[index + 1]]);
    }
    return {
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? "",
      url: url.href,
      headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
  } finally {
    // Once handed over, the body is the isolate's, counted by its own heap limit.
    budget.free(held);
    response.destroy();
    body.destroy();
  }
}

function describeFailure(error: unknown, host: string, signal: AbortSignal): string {
  if (error instanceof FetchRefused || error instanceof AddressRefused) return error.message;
  const { name, message, code } = error as Error & { code?: string };
  if (signal.aborted || name === "AbortError") return `fetch to ${host} was aborted: the handler finished or ran out of time`;
  if (code === "ATELIER_FETCH_BUDGET") return message;
  return `fetch to ${host} failed: ${code ?? message}`;
}
