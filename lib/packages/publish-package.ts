// Publish: snapshot the draft → canonical JSON → SHA-256 digest → Ed25519 signature, then in ONE
// transaction: package row → production pointer moved → publish-history row → audit entry.
// Either all of it happens or none of it (SPEC §4).
//
// Concurrency: the transaction first locks the project row (SELECT … FOR UPDATE), then checks the
// pointer still holds the value the plan was computed from. Locking before the package insert
// matters on PostgreSQL: the insert's foreign key takes a share lock on the project row, and two
// publishes each holding one and then asking to update the row deadlock (P2034). With the row
// locked first, the second publish waits, finds the pointer moved, and answers 409; a collision
// on (projectId, version) aborts the same way, so production never skips a package.
// Under the same lock it checks the draft is still at the revision the publish gate's test run
// tested (gate.draftRevision): an edit landing after the gate looked would otherwise be published
// with a run that never tested it.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { presentPackage, packageSelect } from "./list-packages";
import { MANIFEST_FORMAT, serializeManifest, type PackageManifest } from "./manifest";
import { manifestDigest } from "./package-crypto";
import { planPublish } from "./preview-publish";
import { unsafeLoadSigner } from "./signing-keys";
import { resolvePublishVersion } from "./versions";

export const publishSchema = z.object({
  changelog: z.string().trim().min(1, "is required: say what changed for the people who use this server").max(10_000),
  version: z.string().max(50).optional(),
  /** Why an Owner or Admin publishes although required test cases fail (lib/test-cases/publish-gate.ts). */
  overrideReason: z.string().trim().min(1, "is required: say why you publish despite failing tests").max(2000).optional(),
});

/**
 * What the publish gate decided: the test run it looked at, the draft revision that run tested
 * (null when nothing ran), and an override's reason.
 */
export type PublishGateRecord = { testRunId: string | null; draftRevision: number | null; failed: number; overrideReason: string | null };

const LOST_RACE =
  "Production changed while you were publishing (someone else published or rolled back). Review the changes again, then publish.";
const DRAFT_CHANGED = "The draft changed while you were publishing, after its tests ran. Run the tests again, then publish.";

export async function publishPackage(options: {
  access: ProjectAccess;
  actor: Actor;
  input: z.input<typeof publishSchema>;
  gate?: PublishGateRecord;
}) {
  const input = publishSchema.parse(options.input);
  const { organization, project } = options.access;
  const plan = await planPublish({ projectId: project.id });
  if (!plan.preview.changed) {
    throw conflict(
      plan.preview.currentVersion
        ? `Nothing to publish: the draft is identical to production (${plan.preview.currentVersion}).`
        : "Nothing to publish: the draft has no tools, components, prompts or resources yet.",
    );
  }
  const version = resolvePublishVersion({
    requested: input.version,
    minimum: plan.preview.minimumVersion,
    published: plan.publishedVersions,
  });

  const signer = await unsafeLoadSigner(organization.id);
  const createdAt = new Date();
  const manifest: PackageManifest = {
    format: MANIFEST_FORMAT,
    organization: { id: organization.id, slug: organization.slug },
    project: { id: project.id, slug: project.slug },
    version,
    changelog: input.changelog,
    author: { id: options.actor.userId, name: options.actor.name },
    createdAt: createdAt.toISOString(),
    signingKeyId: signer.keyId,
    ...plan.contents,
  };
  const text = serializeManifest(manifest);
  const digest = manifestDigest(text);

  let packageId: string;
  try {
    packageId = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ productionPackageId: string | null; draftRevision: number }>>`
        SELECT "productionPackageId", "draftRevision" FROM "Project" WHERE "id" = ${project.id} FOR UPDATE`;
      if (!locked || locked.productionPackageId !== plan.productionPackageId) throw conflict(LOST_RACE);
      const tested = options.gate?.draftRevision;
      if (tested != null && Number(locked.draftRevision) !== tested) throw conflict(DRAFT_CHANGED);
      const created = await tx.package.create({
        data: {
          projectId: project.id,
          version,
          changelog: input.changelog,
          authorId: options.actor.userId,
          authorName: options.actor.name,
          manifest: text,
          digest,
          signature: signer.sign(text),
          signingKeyId: signer.keyId,
          toolNames: plan.contents.tools.map((tool) => tool.name),
          promptNames: (plan.contents.prompts ?? []).map((prompt) => prompt.name),
          resourceNames: (plan.contents.resources ?? []).map((resource) => resource.name),
          createdAt,
        },
        select: { id: true },
      });
      const moved = await tx.project.updateMany({
        where: { id: project.id, productionPackageId: plan.productionPackageId },
        data: { productionPackageId: created.id },
      });
      if (moved.count !== 1) throw conflict(LOST_RACE);
      await tx.publishHistory.create({
        data: {
          projectId: project.id,
          packageId: created.id,
          previousPackageId: plan.productionPackageId,
          actorId: options.actor.userId,
          actorLabel: options.actor.email,
          testRunId: options.gate?.testRunId ?? null,
          gateOverrideReason: options.gate?.overrideReason ?? null,
        },
      });
      if (options.gate?.overrideReason) {
        await recordAuditEvent(tx, {
          organizationId: organization.id,
          actor: options.actor,
          action: "package.publish_gate_override",
          target: { type: "project", id: project.id, label: project.slug },
          newValue: { version, reason: options.gate.overrideReason, testRunId: options.gate.testRunId, failed: options.gate.failed },
        });
      }
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor: options.actor,
        action: "package.publish",
        target: { type: "project", id: project.id, label: project.slug },
        oldValue: { version: plan.preview.currentVersion },
        newValue: { version, digest },
      });
      return created.id;
    });
  } catch (error) {
    // The other publish took this version first (the insert waited for its commit), or the
    // database gave up on a lock wait: either way production moved under us.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034")) {
      throw conflict(LOST_RACE);
    }
    throw error;
  }
  const row = await db.package.findUniqueOrThrow({ where: { id: packageId }, select: packageSelect });
  return {
    ...presentPackage(row, packageId),
    changes: {
      tools: plan.preview.tools,
      components: plan.preview.components,
      prompts: plan.preview.prompts,
      resources: plan.preview.resources,
    },
  };
}
