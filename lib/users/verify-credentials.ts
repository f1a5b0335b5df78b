import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

// A hash of a password nobody knows. An unknown address, or an account without a password, is
// checked against it, so every attempt costs one scrypt and a miss answers as slowly as a hit.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomBytes(32).toString("base64url")));

/** The user for an email + password, or null; the same answer, in the same time, for unknown email and wrong password. */
export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, omit: { passwordHash: false } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
  if (!user?.passwordHash || !matches) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export type ExternalLink =
  | { linked: true; user: { id: string; email: string; name: string } }
  | { linked: false; reason: "unverified_local_account" };

/**
 * The account an external sign-in (GitHub, Google, OIDC) with a provider-verified email belongs
 * to: the account with that address if the address was verified (an earlier external sign-in,
 * or an account without a password, which only external sign-in creates), else a new one. An
 * unverified password account with the address is NOT linked: a password sign-up proves nothing
 * about the address, so it must not pre-claim what its real owner later signs in with.
 */
export async function linkExternalUser(options: { email: string; name: string }): Promise<ExternalLink> {
  const email = options.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (existing?.passwordHash && !existing.emailVerifiedAt) return { linked: false, reason: "unverified_local_account" };
  const user = existing
    ? existing.emailVerifiedAt
      ? existing
      : await db.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() } })
    : await db.user.create({ data: { email, name: options.name || email, emailVerifiedAt: new Date() } });
  return { linked: true, user: { id: user.id, email: user.email, name: user.name } };
}
