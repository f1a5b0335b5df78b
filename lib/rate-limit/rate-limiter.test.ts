// The limiter's choice of store, and what it does when Redis is unreachable: keep limiting with
// this process's own counters, never throw, and use Redis again once it answers.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createRedisClient } from "@/lib/redis";
import { RateLimiter } from "./rate-limiter";
import { RedisRateLimitStore } from "./redis-store";
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from "./rules";

const prefix = `atelier-test:${randomUUID()}:`;
const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const rule = (limit: number): RateLimitRule => ({ kind: "window", key: `k-${randomUUID()}`, limit, windowMs: 60_000 });

/** A store that fails while `down` is true and otherwise delegates. */
class FlakyStore implements RateLimitStore {
  down = true;
  calls = 0;
  constructor(private readonly inner: RateLimitStore) {}
  async consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision> {
    this.calls++;
    if (this.down) throw new Error("Connection is closed.");
    return this.inner.consume(rules, now);
  }
}

describe("RateLimiter", () => {
  it("counts in memory without a shared store, on the clock it is given", async () => {
    let now = 0;
    const limiter = new RateLimiter(null, () => now);
    const limited = rule(2);
    expect((await limiter.check([limited])).allowed).toBe(true);
    expect((await limiter.check([limited])).allowed).toBe(true);
    expect(await limiter.check([limited])).toEqual({ allowed: false, rule: 0, retryAfterMs: 60_000 });
    now = 60_000;
    expect((await limiter.check([limited])).allowed).toBe(true);
  });

  it("keeps limiting with local counters while the shared store fails, logs once, and goes back to it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const flaky = new FlakyStore(new RedisRateLimitStore(redis, prefix));
      const limiter = new RateLimiter(flaky);
      const limited = rule(2);
      const decisions = [];
      for (let i = 0; i < 3; i++) decisions.push((await limiter.check([limited])).allowed);
      expect(decisions).toEqual([true, true, false]);
      expect(flaky.calls).toBe(3);
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0][0])).toMatch(
        /Redis unavailable \(Connection is closed\.\): limiting with this instance's own counters/,
      );

      flaky.down = false;
      // Back on Redis, whose counter for this key is fresh.
      expect((await limiter.check([limited])).allowed).toBe(true);
      expect(warn).toHaveBeenCalledWith("[rate-limit] Redis answers again: counters are shared again");
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });

  it("answers without throwing, on local counters, when the Redis server cannot be reached", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const unreachable = createRedisClient("redis://127.0.0.1:1"); // nothing listens on port 1
    try {
      const limiter = new RateLimiter(new RedisRateLimitStore(unreachable, prefix));
      const limited = rule(1);
      expect((await limiter.check([limited])).allowed).toBe(true);
      expect((await limiter.check([limited])).allowed).toBe(false);
    } finally {
      unreachable.disconnect();
      error.mockRestore();
    }
  });
});
