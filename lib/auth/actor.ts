// Who is calling: a studio session (next-auth JWT cookie) or a personal API token.
import "server-only";
import { decode } from "next-auth/jwt";
import { getLiveSessionUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/errors";
import { clientInfo } from "@/lib/http";
import { hashToken, tokenKind } from "@/lib/tokens/secret-token";
import { SESSION_COOKIES } from "./session-cookies";

export type Actor = {
  userId: string;
  email: string;
  name: string;
  /** Set when the request carried a personal API token. */
  tokenId?: string;
  /** Set when the request carried a studio session cookie: the Session row it names. */
  sessionId?: string;
  ip?: string | null;
  userAgent?: string | null;
};

const LAST_USED_RESOLUTION_MS = 60_000;

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

function readCookie(request: Request, name: string): string | undefined {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

async function actorFromApiToken(token: string): Promise<Actor> {
  if (tokenKind(token) !== "pat") throw unauthorized("This is not a personal API token");
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!record || record.revokedAt) throw unauthorized("The API token is invalid or has been revoked");
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: record.user.id, email: record.user.email, name: record.user.name, tokenId: record.id };
}

/** The user of a session cookie's value, if its signature holds and its session is still live. */
export async function actorFromSessionToken(value: string): Promise<Actor | null> {
  const claims = await decode({ token: value, secret: env().authSecret }).catch(() => null);
  if (typeof claims?.sub !== "string" || typeof claims.sid !== "string") return null;
  const user = await getLiveSessionUser({ sessionId: claims.sid, userId: claims.sub });
  return user ? { userId: user.id, email: user.email, name: user.name, sessionId: claims.sid } : null;
}

async function actorFromSession(request: Request): Promise<Actor | null> {
  for (const cookie of SESSION_COOKIES) {
    const value = readCookie(request, cookie);
    if (value) return actorFromSessionToken(value);
  }
  return null;
}

/** The caller of a JSON API request, or a 401. A bad bearer token never falls back to the cookie. */
export async function authenticateRequest(request: Request): Promise<Actor> {
  const token = bearerToken(request);
  const actor = token ? await actorFromApiToken(token) : await actorFromSession(request);
  if (!actor) throw unauthorized();
  return { ...actor, ...clientInfo(request) };
}
