// The same behaviour from both stores: in memory, and in the real Redis at 127.0.0.1:6379 (keys
// under a prefix unique to this run, removed afterwards). Time is passed in, so nothing sleeps.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisClient } from "@/lib/redis";
import { MemoryRateLimitStore } from "./memory-store";
import { RedisRateLimitStore } from "./redis-store";
import type { RateLimitRule, RateLimitStore } from "./rules";

const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
const prefix = `atelier-test:${randomUUID()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const stores: Array<[string, () => RateLimitStore]> = [
  ["memory", () => new MemoryRateLimitStore()],
  ["redis", () => new RedisRateLimitStore(redis, prefix)],
];

const window = (key: string, limit: number, windowMs = 1000): RateLimitRule => ({ kind: "window", key, limit, windowMs });
const bucket = (key: string, capacity: number, refillPerSecond: number): RateLimitRule => ({
  kind: "bucket",
  key,
  capacity,
  refillPerSecond,
});

describe.each(stores)("%s store", (_name, makeStore) => {
  it("allows `limit` calls in a window, refuses the next with the time until the oldest leaves, and allows again after", async () => {
    const store = makeStore();
    const rule = window(`w-${randomUUID()}`, 3);
    for (const now of [10_000, 10_001, 10_002]) expect(await store.consume([rule], now)).toEqual({ allowed: true });
    expect(await store.consume([rule], 10_003)).toEqual({ allowed: false, rule: 0, retryAfterMs: 997 });
    expect(await store.consume([rule], 10_999)).toEqual({ allowed: false, rule: 0, retryAfterMs: 1 });
    expect(await store.consume([rule], 11_000)).toEqual({ allowed: true });
    // The window slides: the calls at 10_001 and 10_002 still count.
    expect(await store.consume([rule], 11_000)).toEqual({ allowed: false, rule: 0, retryAfterMs: 1 });
    expect(await store.consume([rule], 11_002)).toEqual({ allowed: true });
  });

  it("counts exactly over many windows of steady traffic (the memory store drops old calls in place)", async () => {
    const store = makeStore();
    const rule = window(`w-${randomUUID()}`, 100);
    // 3 calls every 10 ms for 5 windows: 300 a window asked, 100 allowed in any 1000 ms.
    const allowed: number[] = [];
    for (let now = 0; now < 5000; now += 10) {
      for (let call = 0; call < 3; call++) if ((await store.consume([rule], now)).allowed) allowed.push(now);
    }
    for (const time of allowed) expect(allowed.filter((other) => other > time - 1000 && other <= time).length).toBeLessThanOrEqual(100);
    // Every window that starts with an allowed call is filled up to the limit.
    expect(allowed.length).toBe(500);
  });

  it("does not count refused calls", async () => {
    const store = makeStore();
    const rule = window(`w-${randomUUID()}`, 1);
    expect((await store.consume([rule], 0)).allowed).toBe(true);
    for (let now = 1; now < 1000; now += 100) expect((await store.consume([rule], now)).allowed).toBe(false);
    expect((await store.consume([rule], 1000)).allowed).toBe(true);
  });

  it("keeps separate counts per key", async () => {
    const store = makeStore();
    const [a, b] = [window(`a-${randomUUID()}`, 1), window(`b-${randomUUID()}`, 1)];
    expect((await store.consume([a], 0)).allowed).toBe(true);
    expect((await store.consume([b], 0)).allowed).toBe(true);
    expect((await store.consume([a], 0)).allowed).toBe(false);
  });

  it("lets a token bucket burst to its capacity, then refills at its rate", async () => {
    const store = makeStore();
    const rule = bucket(`b-${randomUUID()}`, 2, 1); // burst 2, one token per second
    expect((await store.consume([rule], 0)).allowed).toBe(true);
    expect((await store.consume([rule], 0)).allowed).toBe(true);
    expect(await store.consume([rule], 0)).toEqual({ allowed: false, rule: 0, retryAfterMs: 1000 });
    expect(await store.consume([rule], 400)).toEqual({ allowed: false, rule: 0, retryAfterMs: 600 });
    expect((await store.consume([rule], 1000)).allowed).toBe(true);
    expect((await store.consume([rule], 1000)).allowed).toBe(false);
    // A long pause refills to the capacity, never beyond.
    for (const expected of [true, true, false]) expect((await store.consume([rule], 60_000)).allowed).toBe(expected);
  });

  it("refills a slow bucket (per hour) at the right rate", async () => {
    const store = makeStore();
    const rule = bucket(`b-${randomUUID()}`, 1, 60 / 3600); // 60 per hour: one every minute
    expect((await store.consume([rule], 0)).allowed).toBe(true);
    expect(await store.consume([rule], 0)).toEqual({ allowed: false, rule: 0, retryAfterMs: 60_000 });
    expect((await store.consume([rule], 59_999)).allowed).toBe(false);
    expect((await store.consume([rule], 60_000)).allowed).toBe(true);
  });

  it("consumes from every rule or from none, and names the first rule that refused", async () => {
    const store = makeStore();
    const wide = window(`wide-${randomUUID()}`, 3);
    const narrow = window(`narrow-${randomUUID()}`, 1);
    expect((await store.consume([wide, narrow], 0)).allowed).toBe(true);
    expect(await store.consume([wide, narrow], 10)).toEqual({ allowed: false, rule: 1, retryAfterMs: 990 });
    // The refused call did not use up `wide`: two more fit.
    expect((await store.consume([wide], 20)).allowed).toBe(true);
    expect((await store.consume([wide], 30)).allowed).toBe(true);
    expect((await store.consume([wide], 40)).allowed).toBe(false);
  });

  it("reports the longest wait when several rules refuse", async () => {
    const store = makeStore();
    const short = window(`short-${randomUUID()}`, 1, 1000);
    const long = bucket(`long-${randomUUID()}`, 1, 0.2); // a token every 5 s
    expect((await store.consume([short, long], 0)).allowed).toBe(true);
    expect(await store.consume([short, long], 0)).toEqual({ allowed: false, rule: 0, retryAfterMs: 5000 });
  });
});

describe("redis store", () => {
  it("shares counts between two stores on the same Redis (two instances)", async () => {
    const other = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
    try {
      const [a, b] = [new RedisRateLimitStore(redis, prefix), new RedisRateLimitStore(other, prefix)];
      const rule = window(`shared-${randomUUID()}`, 4);
      const results = [];
      for (let i = 0; i < 6; i++) results.push((await (i % 2 === 0 ? a : b).consume([rule], 1000 + i)).allowed);
      expect(results).toEqual([true, true, true, true, false, false]);
    } finally {
      await other.quit();
    }
  });

  it("counts the very first check of a new connection in Redis (it waits for the connection to open)", async () => {
    const fresh = createRedisClient("redis://127.0.0.1:6379");
    try {
      const key = `first-${randomUUID()}`;
      expect(await new RedisRateLimitStore(fresh, prefix).consume([window(key, 5, 30_000)], Date.now())).toEqual({ allowed: true });
      expect(await redis.zcard(`${prefix}${key}`)).toBe(1);
    } finally {
      fresh.disconnect();
    }
  });

  it("lets its keys expire with the window", async () => {
    const store = new RedisRateLimitStore(redis, prefix);
    const key = `ttl-${randomUUID()}`;
    await store.consume([window(key, 5, 30_000)], Date.now());
    const ttl = await redis.pttl(`${prefix}${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });
});

describe("memory store", () => {
  it("forgets the least recently used keys past its bound", async () => {
    const store = new MemoryRateLimitStore(3);
    for (const key of ["a", "b", "c", "d"]) await store.consume([window(key, 1)], 0);
    expect(store.size).toBe(3);
    // "a" was forgotten, so it starts afresh; "d" is still counted.
    expect((await store.consume([window("a", 1)], 1)).allowed).toBe(true);
    expect((await store.consume([window("d", 1)], 1)).allowed).toBe(false);
  });
});
