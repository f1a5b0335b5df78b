import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
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
 * same password hash and one insert, so the answer and its timing are the same.
 */
export async function signUp(input: z.infer<typeof signUpSchema>): Promise<void> {
  const { name, email, password } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  await db.user.createMany({ data: [{ name, email, passwordHash }], skipDuplicates: true });
}
