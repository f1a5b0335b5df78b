// The publish gate (issue 16 §3): a project setting decides whether failing test cases block
// publish. "off" runs nothing; "advisory" runs the suite on the draft and publishes anyway, with
// the run attached; "required" refuses a publish while any case fails, unless an Owner or Admin
// overrides it with a written reason, which lands in the audit log and the publish history.
// The API's POST …/publish and the Publish dialog both go through publishWithGate. The dialog runs
// the draft suite once (POST …/test-runs) and hands that run to the behaviour diff and to publish
// as `testRunId`; it is reused while it still describes the draft (findReusableDraftRun), so a
// publish from the dialog does not run the suite again.
import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { type PublishGateRecord, publishPackage, publishSchema } from "@/lib/packages/publish-package";
import { can } from "@/lib/permissions";
import { findReusableDraftRun, runTestCases, type TestRunSummary } from "./run-test-cases";

/** POST …/publish: the publish input, and the draft run the caller already made (reused when still current). */
export const publishWithGateSchema = publishSchema.extend({ testRunId: z.string().min(1).max(100).optional() });

export const TEST_GATES = ["off", "advisory", "required"] as const;
export type TestGate = (typeof TEST_GATES)[number];
export const testGateSchema = z.object({ testGate: z.enum(TEST_GATES) });

export function readTestGate(value: string): TestGate {
  return (TEST_GATES as readonly string[]).includes(value) ? (value as TestGate) : "off";
}

export async function setTestGate(options: { access: ProjectAccess; actor: Actor; testGate: TestGate }) {
  const { testGate } = testGateSchema.parse({ testGate: options.testGate });
  const { project, organization } = options.access;
  await db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { testGate: true } });
    await tx.project.update({ where: { id: project.id }, data: { testGate } });
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor: options.actor,
      action: "project.test_gate",
      target: { type: "project", id: project.id, label: project.slug },
      oldValue: { testGate: before.testGate },
      newValue: { testGate },
    });
  });
  return { testGate };
}

export type GateOutcome = { mode: TestGate; run: TestRunSummary | null; overrideReason: string | null };

/** Runs the suite when the gate asks for it; throws when a required gate blocks this publish. */
export async function checkPublishGate(options: {
  access: ProjectAccess;
  actor: Actor;
  origin: string;
  overrideReason?: string;
  /** A draft run to reuse instead of running the suite again (findReusableDraftRun). */
  testRunId?: string;
}): Promise<GateOutcome> {
  const { testGate } = await db.project.findUniqueOrThrow({ where: { id: options.access.project.id }, select: { testGate: true } });
  const mode = readTestGate(testGate);
  if (mode === "off") return { mode, run: null, overrideReason: null };
  const run =
    (await findReusableDraftRun({ access: options.access, runId: options.testRunId })) ??
    (await runTestCases({ access: options.access, actor: options.actor, origin: options.origin }));
  if (mode === "advisory" || run.failed === 0) return { mode, run, overrideReason: null };
  const mayOverride = can(options.access, "project.overridePublishGate");
  if (!options.overrideReason) {
    throw new AppError(
      "conflict",
      `${run.failed} of ${run.results.length} test cases fail and this project requires them to pass before publishing.${
        mayOverride
          ? " As an Owner or Admin you may publish anyway with a written reason (overrideReason)."
          : " Fix them, or ask an Owner or Admin."
      }`,
      { testRun: run },
    );
  }
  if (!mayOverride) throw forbidden("Only Owners and Admins may publish while required test cases fail");
  return { mode, run, overrideReason: options.overrideReason };
}

/** What publishPackage records of the gate, and the draft revision its run tested (checked under the publish lock). */
export function publishGateRecord(gate: GateOutcome): PublishGateRecord {
  return {
    testRunId: gate.run?.id ?? null,
    draftRevision: gate.run?.draftRevision ?? null,
    failed: gate.run?.failed ?? 0,
    overrideReason: gate.overrideReason,
  };
}

export async function publishWithGate(options: {
  access: ProjectAccess;
  actor: Actor;
  origin: string;
  input: z.input<typeof publishWithGateSchema>;
}) {
  const gate = await checkPublishGate({
    access: options.access,
    actor: options.actor,
    origin: options.origin,
    overrideReason: options.input.overrideReason,
    testRunId: options.input.testRunId,
  });
  const published = await publishPackage({
    access: options.access,
    actor: options.actor,
    input: options.input,
    gate: publishGateRecord(gate),
  });
  return { ...published, testGate: gate.mode, testRun: gate.run };
}
