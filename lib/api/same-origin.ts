// Is this browser request from the studio's own pages? The one check behind every cookie-
// authenticated write (lib/api/route.ts) and the OAuth consent form (lib/oauth/authorize-routes.ts).
import { publicOrigin } from "@/lib/http";

/**
 * True when the browser says the request comes from our own origin: its `Origin` is the public
 * origin (ATELIER_URL, else the request's own) or has the request's own host, or, for a browser
 * that sent no `Origin`, `Sec-Fetch-Site: same-origin`. Both headers are set by the browser and
 * cannot be chosen by a page on another origin — including another port of the same host.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "same-origin";
  if (origin === publicOrigin(request)) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
