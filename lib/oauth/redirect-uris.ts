// Redirect URIs: what a client may register, and whether a request's redirect_uri is one of them.
// Matching is exact (OAuth 2.1 §4.1.3), except that a loopback redirect URI matches on any port
// (RFC 8252 §7.3): native apps and CLIs listen on a port the OS picks at run time.

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
const MAX_REDIRECT_URI_LENGTH = 2000;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/**
 * Why a redirect URI may not be registered, or null when it may: an absolute URL without a
 * fragment; https, or http on a loopback host only; or a private-use scheme of a native app
 * (`com.example.app:/callback`, RFC 8252 §7.1) — never javascript:, data: or the like.
 */
export function redirectUriProblem(value: string): string | null {
  if (value.length > MAX_REDIRECT_URI_LENGTH) return "is too long";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL";
  }
  if (url.hash || value.includes("#")) return "must not contain a fragment (#…)";
  if (url.protocol === "https:") return url.hostname ? null : "has no host";
  if (url.protocol === "http:")
    return isLoopbackHost(url.hostname) ? null : "must use https (http is allowed only for 127.0.0.1, [::1] and localhost)";
  // A private-use scheme is reverse-DNS style: it contains a dot (RFC 8252 §7.1).
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/i.test(url.protocol)) return null;
  return `uses the scheme ${url.protocol} which is not allowed (use https, loopback http, or a reverse-domain app scheme)`;
}

/** Whether `requested` is one of the client's registered redirect URIs. */
export function redirectUriMatches(requested: string, registered: readonly string[]): boolean {
  if (registered.includes(requested)) return true;
  const candidate = loopbackWithoutPort(requested);
  return candidate !== null && registered.some((uri) => loopbackWithoutPort(uri) === candidate);
}

/** A loopback http URL with its port removed (for comparison), or null for any other URL. */
function loopbackWithoutPort(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || !isLoopbackHost(url.hostname) || url.hash) return null;
  url.port = "";
  return url.href;
}

/** The host a person recognizes a client by on the consent page ("claude.ai"), or the scheme of a native app. */
export function redirectHost(value: string): string {
  try {
    const url = new URL(value);
    return url.host || url.protocol.replace(/:$/, "");
  } catch {
    return value;
  }
}
