// Rollback: point production at another package that was published before. It creates no package
// and no version (versions are never reused, so the next publish goes above every one of them);
// the move is a compare-and-swap like publish, and audited in the same transaction.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { presentPackage, packageSelect } from "./list-packages";

export const rollbackSchema = z.object({ version: z.string().trim().min(1, "is required").max(50) });

export async function rollbackPackage(options: { access: ProjectAccess; actor: Actor; input: z.input<typeof rollbackSchema> }) {
  const { version } = rollbackSchema.parse(options.input);
  const { organization, project } = options.access;
  const [target, current] = await Promise.all([
    db.package.findUnique({ where: { projectId_version: { projectId: project.id, version } }, select: packageSelect }),
    db.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { productionPackageId: true, productionPackage: { select: { version: true } } },
    }),
  ]);
  if (!target) throw new AppError("not_found", `Version ${version} was never published in this project`);
  if (current.productionPackageId === target.id) throw conflict(`Version ${version} is already in production`);

  await db.$transaction(async (tx) => {
    const moved = await tx.project.updateMany({
      where: { id: project.id, productionPackageId: current.productionPackageId },
      data: { productionPackageId: target.id },
    });
    if (moved.count !== 1)
      throw conflict("Production changed meanwhile (someone published or rolled back). Check the History page and try again.");
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "package.rollback",
      target: { type: "project", id: project.id, label: project.slug },
      oldValue: { version: current.productionPackage?.version ?? null },
      newValue: { version },
    });
  });
  return { ...presentPackage(target, target.id), previousProductionVersion: current.productionPackage?.version ?? null };
}
