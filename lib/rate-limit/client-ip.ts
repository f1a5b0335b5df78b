// The address anonymous rate limits count by (and execution records show).
//
// The LAST X-Forwarded-For entry, not the first: a proxy appends the address it saw, so the last
// entry is the one our own proxy wrote, while everything before it is whatever the client chose
// to send — counting by the first would let a caller pick a fresh "IP" for every call. Without a
// proxy, Next fills X-Forwarded-For with the socket address when the client sent none. Deploy
// behind exactly one proxy that appends (nginx: `$proxy_add_x_forwarded_for`), or one that
// overwrites the header; see README "Running several instances".
export function requestClientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((entry) => entry.trim()).filter(Boolean).at(-1);
  return last || request.headers.get("x-real-ip")?.trim() || null;
}
