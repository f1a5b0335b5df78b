// Demo data for a newcomer's first start (SPEC §12): a user, organization `acme`
// and project `demo`. Runs only on an empty database, so a second start seeds nothing.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateToken } from "@/lib/tokens/secret-token";
import { demoComponents, demoTools } from "./demo-tools";

export const DEMO_EMAIL = "demo@atelier.local";

export type SeedResult =
  | { seeded: false }
  | { seeded: true; email: string; password: string; passwordGenerated: boolean; draftToken: string };

export async function seedDemoData(options: { db: PrismaClient; password?: string }): Promise<SeedResult> {
  const { db } = options;
  const [users, organizations] = await Promise.all([db.user.count(), db.organization.count()]);
  if (users > 0 || organizations > 0) return { seeded: false };

  const password = options.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const draft = generateToken("draft");
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash } });
    const organization = await tx.organization.create({ data: { slug: "acme", name: "Acme" } });
    await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
    const project = await tx.project.create({
      data: {
        organizationId: organization.id,
        slug: "demo",
        name: "Demo",
        instructions: "Tools for trying Atelier: small calculations and a weather card. Prefer them over guessing.",
        draftTokenHash: draft.hash,
        draftTokenPrefix: draft.prefix,
        draftTokenRotatedAt: new Date(),
      },
    });
    for (const component of demoComponents) {
      await tx.component.create({ data: { projectId: project.id, ...component } });
    }
    for (const { outputSchema, ...tool } of demoTools) {
      await tx.tool.create({
        data: { projectId: project.id, ...tool, ...(outputSchema ? { outputSchema } : {}) } as Prisma.ToolUncheckedCreateInput,
      });
    }
  });
  return { seeded: true, email: DEMO_EMAIL, password, passwordGenerated: !options.password, draftToken: draft.token };
}
