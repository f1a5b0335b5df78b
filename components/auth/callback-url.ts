/**
 * Where to go after signing in: always a path on this site. next-auth sometimes passes an
 * absolute URL; only its path is kept, so a crafted link cannot send a fresh session elsewhere.
 */
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate) return "/";
  let url: URL;
  try {
    url = new URL(candidate, "http://atelier.invalid");
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export function withCallbackUrl(path: string, callbackUrl: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (callbackUrl !== "/") params.set("callbackUrl", callbackUrl);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
