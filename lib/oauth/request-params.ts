// Parameters of the token and revocation endpoints: application/x-www-form-urlencoded as RFC 6749
// says, and JSON too (some clients send it). A parameter sent twice is refused (RFC 6749 §3.2).
import { OAuthError } from "./oauth-error";

const MAX_BODY_BYTES = 64 * 1024;

export type OAuthParams = Record<string, string>;

export async function readOAuthParams(request: Request): Promise<OAuthParams> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new OAuthError("invalid_request", "The request body is too large");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new OAuthError("invalid_request", "The request body is too large");
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" ? fromJson(text) : fromForm(text);
}

function fromForm(text: string): OAuthParams {
  const params: OAuthParams = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (name in params) throw new OAuthError("invalid_request", `The parameter ${name} was sent more than once`);
    params[name] = value;
  }
  return params;
}

function fromJson(text: string): OAuthParams {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_request", "The request body is not valid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new OAuthError("invalid_request", "The request body must be a JSON object");
  const params: OAuthParams = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number")
      throw new OAuthError("invalid_request", `The parameter ${name} must be a string`);
    params[name] = String(value);
  }
  return params;
}

/** A required parameter, or invalid_request naming it. */
export function requiredParam(params: OAuthParams, name: string): string {
  const value = params[name];
  if (!value) throw new OAuthError("invalid_request", `The ${name} parameter is required`);
  return value;
}
