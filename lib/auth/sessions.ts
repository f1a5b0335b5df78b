// Studio sessions, server-side. The cookie is a signed JWT that names a Session row (`sid`); the
// cookie counts only while that row exists and has not expired. Signing out deletes the row, so a
// copied cookie stops working at once, on every instance (the row is in the shared database). The
// hot path stays one query: the row is read together with its user (lib/auth/actor.ts).
import "server-only";
import { db } from "@/lib/db";

/** Absolute lifetime of a sign-in: next-auth may refresh the cookie, never past its row's expiry. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Records a new sign-in and returns its id (the cookie's `sid`); the user's expired rows go. */
export async function createSession(userId: string): Promise<string> {
  const now = new Date();
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return session.id;
}

/** The signed-in user of a live session, or null when it was signed out, ended or has expired. */
export async function getLiveSessionUser(options: { sessionId: string; userId: string }) {
  const session = await db.session.findUnique({ where: { id: options.sessionId }, include: { user: true } });
  if (!session || session.userId !== options.userId || session.expiresAt <= new Date()) return null;
  return session.user;
}

/** Sign-out: ends one session. Ending one that is already gone is not an error. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere", a password change, removal from the last organization: ends the user's sessions, but `except`. */
export async function endUserSessions(options: { userId: string; except?: string }): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId: options.userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return count;
}
