// The `scope` parameter (RFC 6749 §3.3): space-separated. The one scope is "mcp"; an absent or
// empty scope means it. Anything else is ignored rather than refused, as §3.3 allows ("the
// authorization server MAY fully or partially ignore the scope requested"): `offline_access`,
// which some clients add on their own, asks for a refresh token — issued anyway — and other
// unknown scopes grant nothing. The token response's `scope` says what was granted.
import { OAUTH_SCOPES } from "./config";

export type ScopeResult = { scopes: string[]; ignored: string[] };

export function parseScopes(value: string | null | undefined): ScopeResult {
  const requested = [...new Set((value ?? "").split(" ").filter(Boolean))];
  const known: readonly string[] = OAUTH_SCOPES;
  const scopes = requested.filter((scope) => known.includes(scope));
  return { scopes: scopes.length > 0 ? scopes : [...OAUTH_SCOPES], ignored: requested.filter((scope) => !known.includes(scope)) };
}

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(" ");
}
