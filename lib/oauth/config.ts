// The authorization server's fixed settings (SPEC §5). Lifetimes are constants rather than
// configuration: a host refreshes on its own, so there is nothing an operator needs to tune.

/** Access tokens are short-lived: a revoked grant also stops them, but an hour bounds any leak. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
/** Refresh tokens rotate on every use; an unused one lapses after 30 days. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
/**
 * A refresh token already used may be presented again for this long (while its successor is still
 * unused) and gets a fresh pair instead of revoking the grant: two refreshes racing with the same
 * token, or a retry after a lost response. Reuse after it revokes the whole grant. (Okta's default
 * grace period is the same 30 s.)
 */
export const REFRESH_TOKEN_REUSE_GRACE_SECONDS = 30;
/** Authorization codes are redeemed by the host right after the redirect. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** How long the consent page (and its form) stays valid after /oauth/authorize sent the user there. */
export const CONSENT_REQUEST_TTL_SECONDS = 10 * 60;
/**
 * How long a fetched Client ID Metadata Document is used before it is fetched again: its
 * Cache-Control max-age, kept between the bounds (no-store and no-cache mean the minimum); an hour
 * when it sends none.
 */
export const CLIENT_METADATA_MAX_AGE_SECONDS = { default: 60 * 60, min: 60, max: 24 * 60 * 60 } as const;

/**
 * One scope: "mcp", the right to call the endpoint the token is bound to (its tools and
 * resources). What the token reaches is decided by its resource (one endpoint) and by the user's
 * role, not by finer scopes. A request without `scope` gets it.
 */
export const OAUTH_SCOPES = ["mcp"] as const;

export const OAUTH_PATHS = {
  authorize: "/oauth/authorize",
  token: "/oauth/token",
  register: "/oauth/register",
  revoke: "/oauth/revoke",
  consent: "/oauth/consent",
  error: "/oauth/error",
} as const;
