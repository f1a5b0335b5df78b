// The `scope` parameter (RFC 6749 §3.3): space-separated, known scopes only. An absent or empty
// scope means every scope there is (one: "mcp").
import { OAUTH_SCOPES } from "./config";

export type ScopeResult = { scopes: string[] } | { unknown: string[] };

export function parseScopes(value: string | null | undefined): ScopeResult {
  const requested = [...new Set((value ?? "").split(" ").filter(Boolean))];
  if (requested.length === 0) return { scopes: [...OAUTH_SCOPES] };
  const known: readonly string[] = OAUTH_SCOPES;
  const unknown = requested.filter((scope) => !known.includes(scope));
  return unknown.length > 0 ? { unknown } : { scopes: requested };
}

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(" ");
}
