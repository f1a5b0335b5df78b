// The Redis connection (REDIS_URL), shared by everything that must agree across instances: today
// the rate-limit counters (lib/rate-limit). Without REDIS_URL there is none and callers keep their
// state in the process.
//
// Tuned for a hot path that must never wait on Redis: no offline queue (a command while the
// connection is down fails at once instead of queueing), no per-command retries, a short command
// timeout, and a reconnect loop with backoff in the background. Callers decide what a failure
// means (rate limits fall back to in-process counters, see lib/rate-limit/rate-limiter.ts).
import Redis from "ioredis";
import { env } from "@/lib/env";

const COMMAND_TIMEOUT_MS = 250;
const MAX_RECONNECT_DELAY_MS = 2_000;

type Holder = { client?: Redis | null };
const holder: Holder = ((globalThis as { __atelierRedis?: Holder }).__atelierRedis ??= {});

export function createRedisClient(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  let reported = false;
  // ioredis emits 'error' on every failed reconnect; one line per outage is enough.
  client.on("error", (error: Error) => {
    if (reported) return;
    reported = true;
    console.error(`[redis] connection failed (${error.message}); retrying in the background`);
  });
  client.on("ready", () => {
    if (reported) console.warn("[redis] connected again");
    reported = false;
  });
  return client;
}

/**
 * Resolves once a client has connected for the first time, or after `timeoutMs` — whichever comes
 * first, and only once per client: the first requests after a start are not counted locally just
 * because the connection was still opening, and when Redis is down from the start only that first
 * window waits; afterwards every caller fails fast.
 */
export function firstConnection(client: Redis, timeoutMs: number): Promise<void> {
  let waiting = firstConnections.get(client);
  if (!waiting) {
    waiting =
      client.status === "ready"
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              client.off("ready", done);
              resolve();
            };
            const timer = setTimeout(done, timeoutMs);
            client.once("ready", done);
          });
    firstConnections.set(client, waiting);
  }
  return waiting;
}

const firstConnections = new WeakMap<Redis, Promise<void>>();

/** The shared client, or null when REDIS_URL is not set (one process, state in memory). */
export function getRedis(): Redis | null {
  if (holder.client === undefined) {
    const url = env().REDIS_URL;
    holder.client = url ? createRedisClient(url) : null;
  }
  return holder.client;
}

export async function closeRedis() {
  const client = holder.client;
  holder.client = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
