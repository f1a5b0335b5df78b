import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/validation/common";

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

export async function createUser(input: z.infer<typeof signUpSchema>) {
  const { name, email, password } = signUpSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) throw conflict("An account with this email already exists. Sign in instead.");
  return db.user.create({ data: { name, email, passwordHash: await hashPassword(password) } });
}
