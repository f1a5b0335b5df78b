// Rate-limit counters in Redis, shared by every instance: one Lua script per check (one round
// trip, atomic — no other instance's check can interleave), keys that expire on their own.
//
// A window rule is a sorted set of call times (score = time, member = time + a unique id); a
// bucket rule is a hash { tokens, updatedAt }. The caller's clock is passed in, so the memory and
// Redis stores behave the same and tests can move time; instances' clocks only need to agree to
// NTP precision. Keys of one check should share a {hash tag} so the script also runs on a cluster.
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { firstConnection } from "@/lib/redis";
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from "./rules";

// KEYS: one per rule. ARGV: now, member, then per rule: kind ("w" | "b"), a, b
//   w: a = limit, b = window (ms)          b: a = capacity, b = refill per ms
// Returns { allowed (1 | 0), first refusing rule (1-based, 0 when allowed), retry after (ms) }.
const CONSUME_SCRIPT = `
local now = tonumber(ARGV[1])
local member = ARGV[2]
local refused, retry = 0, 0
local commits = {}
for i = 1, #KEYS do
  local kind = ARGV[3 * i]
  local a = tonumber(ARGV[3 * i + 1])
  local b = tonumber(ARGV[3 * i + 2])
  local wait = 0
  if kind == "w" then
    redis.call("ZREMRANGEBYSCORE", KEYS[i], "-inf", now - b)
    local count = redis.call("ZCARD", KEYS[i])
    if count >= a then
      local entry = redis.call("ZRANGE", KEYS[i], count - a, count - a, "WITHSCORES")
      wait = math.max(1, tonumber(entry[2]) + b - now)
    end
  else
    local state = redis.call("HMGET", KEYS[i], "tokens", "updatedAt")
    local tokens = tonumber(state[1])
    if tokens == nil then
      tokens = a
    else
      tokens = math.min(a, tokens + math.max(0, now - tonumber(state[2])) * b)
    end
    if tokens < 1 then wait = math.max(1, math.ceil((1 - tokens) / b)) end
    commits[i] = tokens
  end
  if wait > 0 then
    if refused == 0 then refused = i end
    retry = math.max(retry, wait)
  end
end
if refused > 0 then return { 0, refused, math.ceil(retry) } end
for i = 1, #KEYS do
  local kind = ARGV[3 * i]
  local a = tonumber(ARGV[3 * i + 1])
  local b = tonumber(ARGV[3 * i + 2])
  if kind == "w" then
    redis.call("ZADD", KEYS[i], now, member)
    redis.call("PEXPIRE", KEYS[i], b)
  else
    local tokens = commits[i] - 1
    redis.call("HSET", KEYS[i], "tokens", tostring(tokens), "updatedAt", now)
    redis.call("PEXPIRE", KEYS[i], math.ceil((a - tokens) / b) + 1000)
  end
end
return { 1, 0, 0 }
`;

// Right after a start, the connection may still be opening: the first checks wait for it this long.
const FIRST_CONNECTION_WAIT_MS = 1_000;

type ConsumeCommand = (keys: string[], args: Array<string | number>) => Promise<[number, number, number]>;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly run: ConsumeCommand;

  /** `prefix` namespaces every key (tests use a unique one per run). */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "atelier:rl:",
  ) {
    // EVALSHA with the script's digest, falling back to EVAL once per connection (NOSCRIPT).
    const command = "atelierRateLimitConsume";
    if (!(command in redis)) redis.defineCommand(command, { lua: CONSUME_SCRIPT });
    const bound = (redis as unknown as Record<string, (...args: Array<string | number>) => Promise<[number, number, number]>>)[
      command
    ].bind(redis);
    this.run = (keys, args) => bound(keys.length, ...keys, ...args);
  }

  async consume(rules: RateLimitRule[], now: number): Promise<RateLimitDecision> {
    if (rules.length === 0) return { allowed: true };
    await firstConnection(this.redis, FIRST_CONNECTION_WAIT_MS);
    const keys = rules.map((rule) => this.prefix + rule.key);
    const args: Array<string | number> = [Math.floor(now), `${Math.floor(now)}:${randomUUID()}`];
    for (const rule of rules) {
      if (rule.kind === "window") args.push("w", rule.limit, rule.windowMs);
      else args.push("b", rule.capacity, String(rule.refillPerSecond / 1000));
    }
    const [allowed, refused, retryAfterMs] = await this.run(keys, args);
    return allowed === 1 ? { allowed: true } : { allowed: false, rule: refused - 1, retryAfterMs };
  }
}
