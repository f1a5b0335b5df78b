// The address anonymous rate limits count by (and execution records show).
//
// The LAST X-Forwarded-For entry, not the first: a proxy appends the address it saw, so the last
// entry is the one our own proxy wrote, while everything before it is whatever the client chose
// to send — counting by the first would let a caller pick a fresh "IP" for every call. Without a
// proxy, Next fills X-Forwarded-For with the socket address when the client sent none. Deploy
// behind exactly one proxy that appends (nginx: `$proxy_add_x_forwarded_for`), or one that
// overwrites the header; see README "Running several instances". Behind a chain (a CDN in front
// of nginx), ATELIER_TRUSTED_PROXY_HOPS=2 takes the entry the first trusted proxy wrote.
import { env } from "@/lib/env";

export function requestClientIp(request: Pick<Request, "headers">, hops = env().ATELIER_TRUSTED_PROXY_HOPS): string | null {
  const entries =
    request.headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  const trusted = entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : undefined;
  return trusted || request.headers.get("x-real-ip")?.trim() || null;
}
