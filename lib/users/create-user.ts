import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { Mailer } from "@/lib/mail/mailer";
import { createEmailVerificationToken } from "@/lib/users/email-verification";
import { alreadyRegisteredMessage, confirmEmailMessage } from "@/lib/users/sign-up-email";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/validation/common";

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

/** Creates an email + password account (seeding, tests); an address already taken is a 409. */
export async function createUser(input: z.infer<typeof signUpSchema>) {
  const { name, email, password } = signUpSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) throw conflict("An account with this email already exists. Sign in instead.");
  return db.user.create({ data: { name, email, passwordHash: await hashPassword(password) } });
}

/**
 * Public sign-up. It tells nobody whether the address already has an account: a new address gets
 * one, a taken address is left exactly as it was (its password is not changed), and both cost the
 * same password hash and one insert, so the answer and its timing are the same. With a mailer
 * (SMTP_URL), the address gets an email either way: a link to confirm it, or a note that it
 * already has an account. A failed send is logged and changes nothing about the answer.
 */
export async function signUp(input: z.infer<typeof signUpSchema>, options: { origin: string; mailer: Mailer | null }): Promise<void> {
  const { name, email, password } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const { count } = await db.user.createMany({ data: [{ name, email, passwordHash }], skipDuplicates: true });
  if (!options.mailer) return;
  const message =
    count === 1
      ? confirmEmailMessage({ to: email, link: await confirmationLink(email, options.origin) })
      : alreadyRegisteredMessage({ to: email, signInLink: `${options.origin}/sign-in` });
  await options.mailer.send(message).catch((error: unknown) => {
    console.error(`[sign-up] could not send the sign-up email: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function confirmationLink(email: string, origin: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return `${origin}/api/verify-email?token=${createEmailVerificationToken({ userId: user.id, email })}`;
}
