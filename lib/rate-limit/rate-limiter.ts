// The process's rate limiter: counters in Redis when REDIS_URL is set (shared by every instance),
// else in memory.
//
// Redis unreachable: fail OPEN TO LOCAL COUNTERS. Each instance then keeps limiting with its own
// in-memory counters (so a limit of N is at most N per instance for the duration), logs once per
// outage, and goes back to Redis as soon as it answers again. Failing closed would turn a Redis
// outage into every MCP endpoint refusing every call; failing fully open would drop abuse
// protection exactly when something is already wrong. A check never throws: the host never sees
// a 500 because of Redis.
import { getRedis } from "@/lib/redis";
import { MemoryRateLimitStore } from "./memory-store";
import { RedisRateLimitStore } from "./redis-store";
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from "./rules";

export type Clock = () => number;

export class RateLimiter {
  private readonly local = new MemoryRateLimitStore();
  private degraded = false;

  constructor(
    private readonly shared: RateLimitStore | null,
    private clock: Clock = Date.now,
  ) {}

  async check(rules: RateLimitRule[]): Promise<RateLimitDecision> {
    const now = this.clock();
    if (!this.shared) return this.local.consumeNow(rules, now);
    try {
      const decision = await this.shared.consume(rules, now);
      if (this.degraded) console.warn("[rate-limit] Redis answers again: counters are shared again");
      this.degraded = false;
      return decision;
    } catch (error) {
      if (!this.degraded) {
        console.error(
          `[rate-limit] Redis unavailable (${error instanceof Error ? error.message : String(error)}): limiting with this instance's own counters until it is back`,
        );
      }
      this.degraded = true;
      return this.local.consumeNow(rules, now);
    }
  }

  /** Tests move time forward instead of sleeping through a window. */
  setClock(clock: Clock) {
    this.clock = clock;
  }
}

type Holder = { limiter?: RateLimiter };
const holder: Holder = ((globalThis as { __atelierRateLimiter?: Holder }).__atelierRateLimiter ??= {});

export function getRateLimiter(): RateLimiter {
  if (!holder.limiter) {
    const redis = getRedis();
    holder.limiter = new RateLimiter(redis ? new RedisRateLimitStore(redis) : null);
  }
  return holder.limiter;
}
