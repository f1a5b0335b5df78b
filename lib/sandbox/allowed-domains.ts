type AllowedHost = { hostname: string; wildcard: boolean; port?: string };

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * Whether a Data Tool may fetch `url`. An entry is an exact host (`api.example.com`), a wildcard
 * for subdomains only (`*.example.com` matches `a.example.com`, not `example.com`), and may pin a
 * port (`127.0.0.1:8080`); without a port any port matches. An empty list allows nothing.
 */
export function isDomainAllowed(url: URL, allowedDomains: string[]): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const hostname = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORTS[url.protocol];
  return allowedDomains.some((entry) => {
    const allowed = parseAllowedHost(entry);
    if (!allowed) return false;
    if (allowed.port !== undefined && allowed.port !== port) return false;
    return allowed.wildcard ? hostname.endsWith(`.${allowed.hostname}`) : hostname === allowed.hostname;
  });
}

// Entries are typed by people, so tolerate a pasted scheme, path or upper case.
function parseAllowedHost(entry: string): AllowedHost | null {
  const host = entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#].*$/, "");
  const wildcard = host.startsWith("*.");
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(wildcard ? host.slice(2) : host);
  if (!match || match[1].includes("*")) return null;
  return { hostname: match[1], wildcard, port: match[2] };
}
