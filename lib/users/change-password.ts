import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError, badRequest } from "@/lib/errors";
import { checkSignInAttempt } from "@/lib/rate-limit/sign-in-limits";
import { passwordSchema } from "@/lib/validation/common";
import { verifyCredentials } from "./verify-credentials";

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, "is required"), newPassword: passwordSchema });

/**
 * Changes the caller's password and ends every other session of theirs (the one making the change
 * stays signed in). The current password is checked under the sign-in throttle, so a stolen
 * session cannot be used to guess it.
 */
export async function changePassword(options: { actor: Actor; input: z.infer<typeof changePasswordSchema> }) {
  const { currentPassword, newPassword } = changePasswordSchema.parse(options.input);
  const { actor } = options;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, omit: { passwordHash: false } });
  if (!user.passwordHash) throw badRequest("This account signs in through an external provider and has no password to change");
  const throttle = await checkSignInAttempt({ email: user.email, ip: actor.ip ?? null });
  if (!throttle.allowed) {
    throw new AppError("rate_limited", `Too many attempts. Try again in ${Math.ceil(throttle.retryAfterSeconds / 60)} min.`);
  }
  if (!(await verifyCredentials(user.email, currentPassword))) {
    throw new AppError("validation_failed", "currentPassword: is not your current password", {
      fields: [{ field: "currentPassword", message: "is not your current password" }],
    });
  }
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } });
  const endedSessions = await endUserSessions({ userId: user.id, except: actor.sessionId });
  return { endedSessions };
}

/** What the account settings page shows: whether there is a password to change. */
export async function getAccountSecurity(options: { actor: Actor }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.actor.userId }, omit: { passwordHash: false } });
  return { hasPassword: Boolean(user.passwordHash) };
}
