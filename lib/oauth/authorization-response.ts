// Where the authorization endpoint sends the browser: back to the client (a code, or an error,
// always with `state` and `iss` — RFC 6749 §4.1.2, RFC 9207), or to one of Atelier's own pages.
import { randomBytes } from "node:crypto";
import { OAUTH_PATHS } from "./config";

export type AuthorizationErrorCode =
  | "invalid_request"
  | "unauthorized_client"
  | "access_denied"
  | "unsupported_response_type"
  | "invalid_scope"
  | "invalid_target"
  | "server_error";

/** The client's redirect URI with the response parameters added to whatever query it has. */
export function clientRedirectUrl(options: {
  redirectUri: string;
  issuer: string;
  state: string | null;
  result: { code: string } | { error: AuthorizationErrorCode; description: string };
}): string {
  const url = new URL(options.redirectUri);
  if ("code" in options.result) {
    url.searchParams.set("code", options.result.code);
  } else {
    url.searchParams.set("error", options.result.error);
    url.searchParams.set("error_description", options.result.description);
  }
  if (options.state !== null) url.searchParams.set("state", options.state);
  url.searchParams.set("iss", options.issuer);
  return url.href;
}

/**
 * Problems found before the redirect URI can be trusted: shown to the person on Atelier's error
 * page, never sent to the redirect URI (RFC 6749 §4.1.2.1). Fixed reasons with fixed wording,
 * so nobody can make the page say something else: the page reads nothing else from its URL but a
 * reference to the server log (logErrorDetail).
 */
export const AUTHORIZE_ERROR_REASONS = {
  missing_client_id: "The app's authorization request has no client_id.",
  unknown_client: "The app that sent you here is not registered with Atelier. Go back to it and connect again; it will register itself.",
  client_metadata: "The app's client metadata document could not be used. Atelier's server log says why.",
  invalid_redirect_uri: "The app asked to send you back to an address it has not registered. For your safety, Atelier stops here.",
  consent_expired: "This authorization request has expired. Go back to the app and connect again.",
  consent_invalid: "This authorization request is not valid. Go back to the app and connect again.",
  consent_used: "This authorization request has already been answered. Go back to the app and connect again.",
  wrong_user: "This authorization request was started by another account. Go back to the app and connect again.",
  forbidden_origin: "The authorization was not submitted from Atelier's own consent page.",
  not_allowed: "Your account may not authorize this app for this endpoint.",
  server_error: "Something went wrong on our side. Go back to the app and try again.",
} as const;

export type AuthorizeErrorReason = keyof typeof AUTHORIZE_ERROR_REASONS;

export function errorPagePath(reason: AuthorizeErrorReason, reference?: string): string {
  const params = new URLSearchParams({ reason });
  if (reference) params.set("ref", reference);
  return `${OAUTH_PATHS.error}?${params}`;
}

const REFERENCE = /^[0-9a-f]{16}$/;

/**
 * A problem's details (a metadata document's flaw, worded with what the document says) stay on
 * the server: logged under a random reference, which is all the error page carries and shows.
 */
export function logErrorDetail(reason: AuthorizeErrorReason, detail: string): string {
  const reference = randomBytes(8).toString("hex");
  console.warn(`[oauth] ${reason} (ref ${reference}): ${detail}`);
  return reference;
}

/** What the error page shows for its query: fixed wording for a known reason, and a well-formed reference. Nothing else from the URL. */
export function errorPageView(params: Record<string, string | string[] | undefined>): { message: string; reference: string | null } {
  const reason: AuthorizeErrorReason =
    typeof params.reason === "string" && Object.hasOwn(AUTHORIZE_ERROR_REASONS, params.reason)
      ? (params.reason as AuthorizeErrorReason)
      : "consent_invalid";
  const reference = typeof params.ref === "string" && REFERENCE.test(params.ref) ? params.ref : null;
  return { message: AUTHORIZE_ERROR_REASONS[reason], reference };
}

export function consentPagePath(request: string): string {
  return `${OAUTH_PATHS.consent}?${new URLSearchParams({ request })}`;
}

export function signInPath(callbackPath: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}`;
}
