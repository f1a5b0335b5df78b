// Rate-limit counters in this process: the default on one machine (no REDIS_URL), and the
// fallback while Redis is unreachable. Same semantics as the Redis store (see rules.ts).
import type { BucketRule, RateLimitDecision, RateLimitRule, RateLimitStore, WindowRule } from "./rules";

// `times` holds the calls' times in the order they came, oldest first; those before `start` have
// left the window (dropped in place rather than copying up to `limit` times on every call).
type WindowState = { kind: "window"; times: number[]; start: number; expiresAt: number };
type BucketState = { kind: "bucket"; tokens: number; updatedAt: number; expiresAt: number };
type State = WindowState | BucketState;

// Memory is bounded whatever callers do (e.g. anonymous calls from many IPs): past this many keys
// the least recently used are forgotten, which can only let a forgotten caller start afresh.
const DEFAULT_MAX_KEYS = 100_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly states = new Map<string, State>();
  private checks = 0;

  constructor(private readonly maxKeys = DEFAULT_MAX_KEYS) {}

  async consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision> {
    return this.consumeNow(rules, now);
  }

  /** Synchronous: nothing can interleave between the check and the update. */
  consumeNow(rules: RateLimitRule[], now: number): RateLimitDecision {
    if (++this.checks % 1000 === 0) this.sweep(now);
    const evaluated = rules.map((rule) => (rule.kind === "window" ? this.evaluateWindow(rule, now) : this.evaluateBucket(rule, now)));
    const refused = evaluated.flatMap((result, index) => (result.retryAfterMs > 0 ? [{ index, retryAfterMs: result.retryAfterMs }] : []));
    if (refused.length > 0) {
      return { allowed: false, rule: refused[0].index, retryAfterMs: Math.max(...refused.map((entry) => entry.retryAfterMs)) };
    }
    for (const result of evaluated) result.commit();
    return { allowed: true };
  }

  get size() {
    return this.states.size;
  }

  private evaluateWindow(rule: WindowRule, now: number) {
    const known = this.states.get(rule.key);
    const state: WindowState = known?.kind === "window" ? known : { kind: "window", times: [], start: 0, expiresAt: 0 };
    const { times } = state;
    while (state.start < times.length && times[state.start] <= now - rule.windowMs) state.start++;
    if (state.start > 64 && state.start * 2 > times.length) {
      times.splice(0, state.start);
      state.start = 0;
    }
    const inWindow = times.length - state.start;
    // The call is allowed again once enough of the oldest calls have left the window.
    const retryAfterMs = inWindow >= rule.limit ? times[times.length - rule.limit] + rule.windowMs - now : 0;
    return {
      retryAfterMs: Math.max(retryAfterMs, inWindow >= rule.limit ? 1 : 0),
      commit: () => {
        // A clock that stepped back never puts a time before the newest one: the list stays in order.
        times.push(Math.max(now, times.at(-1) ?? now));
        state.expiresAt = now + rule.windowMs;
        this.store(rule.key, state);
      },
    };
  }

  private evaluateBucket(rule: BucketRule, now: number) {
    const state = this.states.get(rule.key);
    const perMs = rule.refillPerSecond / 1000;
    const tokens =
      state?.kind === "bucket" ? Math.min(rule.capacity, state.tokens + Math.max(0, now - state.updatedAt) * perMs) : rule.capacity;
    const retryAfterMs = tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / perMs));
    return {
      retryAfterMs,
      // Forgotten once it would be full again: a fresh bucket is full.
      commit: () =>
        this.store(rule.key, {
          kind: "bucket",
          tokens: tokens - 1,
          updatedAt: now,
          expiresAt: now + Math.ceil((rule.capacity - tokens + 1) / perMs),
        }),
    };
  }

  private store(key: string, state: State) {
    this.states.delete(key); // re-inserted last: Map order is least recently used first
    this.states.set(key, state);
    while (this.states.size > this.maxKeys) this.states.delete(this.states.keys().next().value!);
  }

  private sweep(now: number) {
    for (const [key, state] of this.states) if (state.expiresAt <= now) this.states.delete(key);
  }
}
