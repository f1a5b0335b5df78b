import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

/** The user for an email + password, or null; the same answer for unknown email and wrong password. */
export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, omit: { passwordHash: false } });
  if (!user?.passwordHash) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Users from external providers (GitHub, Google, OIDC) are linked by verified email. */
export async function findOrCreateExternalUser(email: string, name: string) {
  const normalized = email.trim().toLowerCase();
  return db.user.upsert({ where: { email: normalized }, update: {}, create: { email: normalized, name: name || normalized } });
}
