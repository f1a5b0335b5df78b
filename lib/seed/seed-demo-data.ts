// Demo data for a newcomer's first start (SPEC §12): a user, organization `acme`
// and project `demo`. Runs only on an empty database, so a second start seeds nothing.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";

export const DEMO_EMAIL = "demo@atelier.local";

export type SeedResult = { seeded: false } | { seeded: true; email: string; password: string; passwordGenerated: boolean };

export async function seedDemoData(options: { db: Db; password?: string }): Promise<SeedResult> {
  const { db } = options;
  const [users, organizations] = await Promise.all([db.user.count(), db.organization.count()]);
  if (users > 0 || organizations > 0) return { seeded: false };

  const password = options.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash } });
    const organization = await tx.organization.create({ data: { slug: "acme", name: "Acme" } });
    await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
    await tx.project.create({
      data: {
        organizationId: organization.id,
        slug: "demo",
        name: "Demo",
        instructions: "Tools for trying Atelier: small calculations and a weather card. Prefer them over guessing.",
      },
    });
  });
  return { seeded: true, email: DEMO_EMAIL, password, passwordGenerated: !options.password };
}
