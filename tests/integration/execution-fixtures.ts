// Execution rows written straight into the real database, for tests of the read side (list,
// detail, stats) that need exact times, durations and outcomes an MCP call can't be told to have.
// Recording itself — a real tools/call producing a row — is tested through the MCP endpoints.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ExecutionFixture = {
  toolName?: string;
  environment?: "draft" | "production";
  packageVersion?: string | null;
  status?: "success" | "error";
  errorType?: "validation" | "runtime" | "timeout" | "rate_limited" | "auth" | null;
  errorCode?: string | null;
  durationMs?: number;
  input?: Prisma.InputJsonValue;
  output?: Prisma.InputJsonValue | null;
  logs?: Prisma.InputJsonValue;
  clientName?: string | null;
  clientVersion?: string | null;
  callerKind?: string;
  callerId?: string | null;
  callerLabel?: string;
  ip?: string | null;
  createdAt?: Date;
};

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Inserts one execution of the project; unspecified fields get plausible values (a successful draft call). */
export async function createExecution(project: { id: string; organizationId: string }, fixture: ExecutionFixture = {}) {
  const status = fixture.status ?? (fixture.errorType ? "error" : "success");
  const input = fixture.input ?? { city: "Lisbon" };
  const output = fixture.output === undefined ? (status === "success" ? { ok: true } : null) : fixture.output;
  const environment = fixture.environment ?? "draft";
  return db.execution.create({
    data: {
      organizationId: project.organizationId,
      projectId: project.id,
      toolName: fixture.toolName ?? "get_weather",
      environment: environment === "draft" ? "DRAFT" : "PRODUCTION",
      packageVersion: fixture.packageVersion === undefined ? (environment === "production" ? "1.0.0" : null) : fixture.packageVersion,
      status: status === "success" ? "SUCCESS" : "ERROR",
      errorType: fixture.errorType ?? null,
      errorCode: fixture.errorCode ?? null,
      durationMs: fixture.durationMs ?? 12,
      inputSha256: sha256(input),
      outputSha256: output === null ? null : sha256(output),
      input,
      ...(output === null ? {} : { output }),
      logs: fixture.logs ?? [],
      clientName: fixture.clientName === undefined ? "atelier-tests" : fixture.clientName,
      clientVersion: fixture.clientVersion === undefined ? "1.0.0" : fixture.clientVersion,
      callerKind: fixture.callerKind ?? "draft_token",
      callerId: fixture.callerId ?? null,
      callerLabel: fixture.callerLabel ?? "Draft token",
      ip: fixture.ip === undefined ? "203.0.113.7" : fixture.ip,
      ...(fixture.createdAt ? { createdAt: fixture.createdAt } : {}),
    },
  });
}

/** Inserts several, one at a time so that defaults stay per row. */
export async function createExecutions(project: { id: string; organizationId: string }, fixtures: ExecutionFixture[]) {
  const rows = [];
  for (const fixture of fixtures) rows.push(await createExecution(project, fixture));
  return rows;
}

/** A time `minutes` before `from` (default: now). */
export const minutesAgo = (minutes: number, from = new Date()) => new Date(from.getTime() - minutes * 60_000);
