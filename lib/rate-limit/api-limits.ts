// The admin REST API limit (SPEC §8): ATELIER_API_RATE_LIMIT_PER_MINUTE (default 600) calls per
// minute per personal API token. Studio sessions are limited the same way per user: the studio
// calls the same API, and a script replaying a session cookie should not escape the limit a token
// has. A user's tokens and their session each get their own allowance.
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { getRateLimiter } from "./rate-limiter";
import { retryAfterSeconds } from "./rules";

export type ApiLimitDecision = { allowed: true } | { allowed: false; message: string; retryAfterSeconds: number };

export async function checkApiLimit(actor: Pick<Actor, "userId" | "tokenId">): Promise<ApiLimitDecision> {
  const limit = env().ATELIER_API_RATE_LIMIT_PER_MINUTE;
  const subject = actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`;
  const decision = await getRateLimiter().check([{ kind: "window", key: `{api:${subject}}`, limit, windowMs: 60_000 }]);
  if (decision.allowed) return decision;
  const retryAfter = retryAfterSeconds(decision.retryAfterMs);
  const who = actor.tokenId ? "this API token" : "your session";
  return {
    allowed: false,
    message: `Too many requests: ${who} may make ${limit} API calls per minute. Retry after ${retryAfter} s.`,
    retryAfterSeconds: retryAfter,
  };
}
