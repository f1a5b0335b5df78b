// Errors of the token, registration and revocation endpoints, in the OAuth shape
// `{ error, error_description }` (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 8707 §2) rather than the
// admin API's `{ error: { code, message } }`. Never cached; never a stack trace.

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_target"
  | "invalid_redirect_uri"
  | "invalid_client_metadata"
  | "invalid_token"
  | "unsupported_token_type"
  | "server_error";

const STATUS: Partial<Record<OAuthErrorCode, number>> = { invalid_client: 401, invalid_token: 401, server_error: 500 };

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status: number = STATUS[code] ?? 400,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

/** Responses of the OAuth endpoints are credentials or about credentials: never stored by caches. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * Every OAuth JSON endpoint may be called from a browser-based client (MCP Inspector runs in one):
 * they use no cookies, so any origin may read them.
 */
export const OAUTH_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, MCP-Protocol-Version",
  "Access-Control-Max-Age": "600",
} as const;

export function oauthJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...OAUTH_CORS, ...NO_STORE, ...init.headers } });
}

export function oauthErrorResponse(error: unknown): Response {
  if (error instanceof OAuthError) {
    // RFC 6749 §5.2: a failed client authentication names the scheme it expects.
    const headers: Record<string, string> = error.code === "invalid_client" ? { "WWW-Authenticate": 'Basic realm="atelier"' } : {};
    return oauthJson({ error: error.code, error_description: error.description }, { status: error.status, headers });
  }
  console.error("[oauth] unexpected error", error);
  return oauthJson({ error: "server_error", error_description: "Something went wrong on our side. Try again." }, { status: 500 });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The OAuth endpoints' one error mapper, like withErrors for the JSON API. */
export function withOAuthErrors(handler: Handler): Handler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return oauthErrorResponse(error);
    }
  };
}

export function oauthPreflight(): Response {
  return new Response(null, { status: 204, headers: OAUTH_CORS });
}
