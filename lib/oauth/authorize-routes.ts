// The handlers behind /oauth/authorize (and /authorize): GET checks the request and sends the
// browser on (authorize-request.ts); POST is the consent form's decision (consent.ts).
import { isSameOriginRequest } from "@/lib/api/same-origin";
import { publicOrigin } from "@/lib/public-origin";
import { errorPagePath, signInPath, consentPagePath } from "./authorization-response";
import { checkAuthorizationRequest } from "./authorize-request";
import type { FetchDocumentOptions } from "./client-metadata-document";
import { decideConsent } from "./consent";
import { sessionActorFromRequest } from "./session";

const MAX_FORM_BYTES = 16 * 1024;

function redirectTo(location: string, origin: string, status: 302 | 303): Response {
  return new Response(null, {
    status,
    headers: {
      Location: new URL(location, origin).href,
      "Cache-Control": "no-store",
      // The consent page's URL carries the signed request: never hand it to the client as a Referer.
      "Referrer-Policy": "no-referrer",
    },
  });
}

function failed(error: unknown, origin: string): Response {
  console.error("[oauth] authorization failed", error);
  return redirectTo(errorPagePath("server_error"), origin, 303);
}

/**
 * The GET handler, with options the configuration would otherwise give (tests serve metadata
 * documents from 127.0.0.1 by passing `documents: { allowInsecureUrls: true }`).
 */
export function createAuthorizeHandler(options: { documents?: FetchDocumentOptions } = {}) {
  // GET /oauth/authorize – the authorization endpoint (RFC 6749 §4.1.1), PKCE S256 and resource required
  return async function handleAuthorize(request: Request): Promise<Response> {
    const origin = publicOrigin(request);
    try {
      const actor = await sessionActorFromRequest(request);
      const outcome = await checkAuthorizationRequest({ url: new URL(request.url), origin, actor, documents: options.documents });
      return redirectTo(outcome.location, origin, 302);
    } catch (error) {
      return failed(error, origin);
    }
  };
}

export const handleAuthorize = createAuthorizeHandler();

// POST /oauth/authorize – the consent form: consent_request (signed) and decision=approve|deny
export async function handleConsentDecision(request: Request): Promise<Response> {
  const origin = publicOrigin(request);
  try {
    // A form POST from our own consent page: its Origin is ours.
    if (!isSameOriginRequest(request)) return redirectTo(errorPagePath("forbidden_origin"), origin, 303);
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_FORM_BYTES) return redirectTo(errorPagePath("consent_invalid"), origin, 303);
    const form = new URLSearchParams(text);
    const consentRequest = form.get("consent_request");
    const actor = await sessionActorFromRequest(request);
    // Signed out in another tab meanwhile: sign in again and come back to the same consent page.
    if (!actor)
      return redirectTo(consentRequest ? signInPath(consentPagePath(consentRequest)) : errorPagePath("consent_invalid"), origin, 303);
    const location = await decideConsent({ request: consentRequest, actor, approve: form.get("decision") === "approve", issuer: origin });
    return redirectTo(location, origin, 303);
  } catch (error) {
    return failed(error, origin);
  }
}
