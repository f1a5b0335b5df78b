// What a rate-limit check is made of, independent of where the counters live (memory or Redis).
//
// Two kinds of rule:
// - `window`: at most `limit` calls in any `windowMs` (a sliding log of call times, so there is
//   no burst at a fixed window's edge and "60 per minute" means it for every minute). Used for
//   the per-minute limits.
// - `bucket`: a token bucket of `capacity` tokens refilled at `refillPerSecond` (anonymous calls:
//   capacity = burst, refill = per-hour / 3600), so a caller may burst, then gets a steady rate.
//
// A check consumes from every rule at once or from none: a call refused by one limit does not use
// up another, and a refused call never counts (a client hammering a limit is not locked out longer).

export type WindowRule = { kind: "window"; key: string; limit: number; windowMs: number };
export type BucketRule = { kind: "bucket"; key: string; capacity: number; refillPerSecond: number };
export type RateLimitRule = WindowRule | BucketRule;

export type RateLimitDecision =
  | { allowed: true }
  /** `rule` is the index of the first rule that refused; `retryAfterMs` is when every refusing rule allows again. */
  | { allowed: false; rule: number; retryAfterMs: number };

/** Where counters live. `now` is passed in (ms since the epoch) so every store agrees on one clock. */
export interface RateLimitStore {
  consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision>;
}

/** HTTP Retry-After: whole seconds, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
