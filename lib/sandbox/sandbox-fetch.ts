import { isDomainAllowed } from "./allowed-domains";
import { MAX_FETCH_BODY_BYTES, MAX_FETCH_REDIRECTS } from "./limits";

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
 * before any connection is opened; failures are returned, not thrown, so no host stack trace
 * ever reaches the handler.
 */
export async function sandboxFetch(options: {
  url: unknown;
  init: unknown;
  allowedDomains: string[];
  /** Aborted when the handler finishes or runs out of time, which bounds every request. */
  signal: AbortSignal;
}): Promise<SandboxFetchOutcome> {
  let host = "";
  try {
    const request = readRequest(options.init);
    let url = parseUrl(options.url);
    for (let hop = 0; hop <= MAX_FETCH_REDIRECTS; hop++) {
      host = url.host;
      assertAllowed(url, options.allowedDomains);
      // no-store: inside Next.js the global fetch may be patched with a data cache, and a tool's
      // requests must never be answered from (or stored in) a cache shared across calls.
      const response = await fetch(url, { ...request, redirect: "manual", cache: "no-store", signal: options.signal });
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        return { ok: true, ...(await readResponse(response, url)) };
      }
      await response.body?.cancel();
      const next = parseUrl(new URL(location, url).href);
      followRedirect(request, response.status, url, next);
      url = next;
    }
    return { ok: false, message: `fetch gave up after ${MAX_FETCH_REDIRECTS} redirects` };
  } catch (error) {
    return { ok: false, message: describeFailure(error, host) };
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

async function readResponse(response: Response, url: URL) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  // Read incrementally so an oversized body is cut off instead of buffered whole on the host.
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FETCH_BODY_BYTES) {
      await reader.cancel();
      throw new FetchRefused(`response from ${url.host} is larger than ${MAX_FETCH_BODY_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  return {
    status: response.status,
    statusText: response.statusText,
    url: url.href,
    headers: [...response.headers.entries()],
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

function describeFailure(error: unknown, host: string): string {
  if (error instanceof FetchRefused) return error.message;
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === "AbortError") return `fetch to ${host} was aborted: the handler finished or ran out of time`;
  return `fetch to ${host} failed: ${cause?.code ?? cause?.message ?? message}`;
}
