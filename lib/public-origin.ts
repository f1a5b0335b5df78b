// The one answer to "what is our origin?", which every URL Atelier hands out is built from: MCP
// endpoint URLs, the OAuth issuer, resources and 401 challenges, redirects, invitation links.
//
// ATELIER_URL, when set, is the fixed answer (deployments). Without it, the request's own: the
// address the client used, so `http://127.0.0.1:3000`, a LAN address and `http://localhost:3000`
// each describe themselves consistently. Never `request.url`: Next builds that from its own
// hostname (localhost), whatever address the request came to.
//
// Forwarded headers count only as written by a trusted proxy, read like X-Forwarded-For (see
// lib/rate-limit/client-ip.ts): the entry ATELIER_TRUSTED_PROXY_HOPS places from the end of
// X-Forwarded-Host / X-Forwarded-Proto; anything before it is what the client sent. What a forged
// Host can and cannot do is in the README ("Which origin").
//
// DNS rebinding: a web page on evil.example whose name is made to resolve to 127.0.0.1 can send
// requests here with `Host: evil.example` (and any X-Forwarded-Host) and `Origin:
// http://evil.example`. Were that name taken as our origin, the browser's Origin would match it and
// every same-origin check would pass. So without ATELIER_URL a host *name* counts only when it is
// ours — localhost (and *.localhost), this machine's hostname, or listed in ATELIER_ALLOWED_HOSTS;
// IP addresses always count (rebinding needs a name). Anything else falls back to localhost, whose
// origin a foreign page's Origin never matches.
import os from "node:os";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

type HeaderSource = { headers: { get(name: string): string | null } };

// A hostname or bracketed IPv6 address, and an optional port: nothing else can end up in a URL.
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?)(?::\d{1,5})?$/i;

function trustedEntry(value: string | null, hops: number): string | undefined {
  const entries =
    value
      ?.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  return entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : undefined;
}

function isOwnHostName(hostname: string, allowedHosts: readonly string[]): boolean {
  const name = hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (ipaddr.isValid(name)) return true;
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  const machine = os.hostname().toLowerCase();
  return name === machine || name === `${machine}.local` || allowedHosts.includes(name);
}

// Every MCP request asks (its URLs and challenges are built from the answer), and parsing the
// host and reading the machine's name cost more than the rest of the question: the answers are
// remembered per list of allowed hosts (the configuration's, a fixed array) and per protocol and
// host, a few hundred at most (a client sending ever-new Host headers only empties the memory).
const MAX_REMEMBERED_ORIGINS = 256;
const rememberedOrigins = new WeakMap<readonly string[], Map<string, string | null>>();

function originOf(protocol: string, host: string | null | undefined, allowedHosts: readonly string[]): string | null {
  if (!host) return null;
  let remembered = rememberedOrigins.get(allowedHosts);
  if (!remembered) rememberedOrigins.set(allowedHosts, (remembered = new Map()));
  const key = `${protocol}://${host}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const origin = computeOrigin(protocol, host, allowedHosts);
  if (remembered.size >= MAX_REMEMBERED_ORIGINS) remembered.clear();
  remembered.set(key, origin);
  return origin;
}

function computeOrigin(protocol: string, host: string, allowedHosts: readonly string[]): string | null {
  if (!HOST.test(host)) return null;
  try {
    const url = new URL(`${protocol}://${host}`);
    return isOwnHostName(url.hostname, allowedHosts) ? url.origin : null;
  } catch {
    return null;
  }
}

/** The origin this request was addressed to (Host, or what a trusted proxy forwarded), ignoring ATELIER_URL. */
export function requestOrigin(
  request: HeaderSource,
  hops = env().ATELIER_TRUSTED_PROXY_HOPS,
  allowedHosts: readonly string[] = env().ATELIER_ALLOWED_HOSTS,
): string {
  const { headers } = request;
  const protocol = trustedEntry(headers.get("x-forwarded-proto"), hops)?.toLowerCase() === "https" ? "https" : "http";
  return (
    originOf(protocol, trustedEntry(headers.get("x-forwarded-host"), hops), allowedHosts) ??
    originOf(protocol, headers.get("host"), allowedHosts) ??
    `http://localhost:${env().PORT}`
  );
}

/** The origin clients see: ATELIER_URL when set, else the request's own (requestOrigin). */
export function publicOrigin(request: HeaderSource): string {
  const configured = env().ATELIER_URL;
  return configured ? new URL(configured).origin : requestOrigin(request);
}
