// Where the authorization endpoint sends the browser: back to the client (a code, or an error,
// always with `state` and `iss` — RFC 6749 §4.1.2, RFC 9207), or to one of Atelier's own pages.
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
 * so nobody can make the page say something else.
 */
export const AUTHORIZE_ERROR_REASONS = {
  missing_client_id: "The app's authorization request has no client_id.",
  unknown_client: "The app that sent you here is not registered with Atelier. Go back to it and connect again; it will register itself.",
  client_metadata: "The app's client metadata document could not be used.",
  invalid_redirect_uri: "The app asked to send you back to an address it has not registered. For your safety, Atelier stops here.",
  consent_expired: "This authorization request has expired. Go back to the app and connect again.",
  consent_invalid: "This authorization request is not valid. Go back to the app and connect again.",
  wrong_user: "This authorization request was started by another account. Go back to the app and connect again.",
  forbidden_origin: "The authorization was not submitted from Atelier's own consent page.",
  not_allowed: "Your account may not authorize this app for this endpoint.",
  server_error: "Something went wrong on our side. Go back to the app and try again.",
} as const;

export type AuthorizeErrorReason = keyof typeof AUTHORIZE_ERROR_REASONS;

export function errorPagePath(reason: AuthorizeErrorReason, detail?: string): string {
  const params = new URLSearchParams({ reason });
  if (detail) params.set("detail", detail.slice(0, 300));
  return `${OAUTH_PATHS.error}?${params}`;
}

export function consentPagePath(request: string): string {
  return `${OAUTH_PATHS.consent}?${new URLSearchParams({ request })}`;
}

export function signInPath(callbackPath: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}`;
}
