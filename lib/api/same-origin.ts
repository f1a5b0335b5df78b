// Is this browser request from the studio's own pages? The one check behind every cookie-
// authenticated write (lib/api/route.ts) and the OAuth consent form (lib/oauth/authorize-routes.ts).
import { publicOrigin, requestOrigin } from "@/lib/public-origin";

/**
 * True when the browser says the request comes from our own origin: its `Origin` is the public
 * origin (ATELIER_URL when set) or the origin the request was addressed to (lib/public-origin.ts),
 * or, for a browser that sent no `Origin`, `Sec-Fetch-Site: same-origin`. Both headers are set by
 * the browser and cannot be chosen by a page on another origin — including another port of the
 * same host.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "same-origin";
  return origin === publicOrigin(request) || origin === requestOrigin(request);
}
