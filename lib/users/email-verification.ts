// Confirming a password account's address, when the instance can send email (SMTP_URL). A confirmed
// address is what lets a later GitHub/Google/OIDC sign-in with it link to the account
// (linkExternalUser). The link carries a signed, expiring token (HMAC with NEXTAUTH_SECRET): no
// table, valid on every instance, and only for the address it was sent to.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const PURPOSE = "atelier:verify-email";
export const EMAIL_VERIFICATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Claims = { u: string; e: string; x: number };

const signature = (payload: string) => createHmac("sha256", env().authSecret).update(`${PURPOSE}.${payload}`).digest("base64url");

export function createEmailVerificationToken(options: { userId: string; email: string; now?: number }): string {
  const claims: Claims = { u: options.userId, e: options.email, x: (options.now ?? Date.now()) + EMAIL_VERIFICATION_LIFETIME_MS };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

function readToken(token: string): Claims | null {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
    return typeof claims.u === "string" && typeof claims.e === "string" && typeof claims.x === "number" ? claims : null;
  } catch {
    return null;
  }
}

/** Marks the address confirmed; false for a forged, expired or stale link (the account's address changed). */
export async function verifyEmail(token: string): Promise<boolean> {
  const claims = readToken(token);
  if (!claims || claims.x < Date.now()) return false;
  const user = await db.user.findFirst({ where: { id: claims.u, email: claims.e } });
  if (!user) return false;
  if (!user.emailVerifiedAt) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return true;
}
