// Graceful shutdown loses no execution record: an app instance in its own process, under
// concurrent tools/call load, gets SIGTERM; afterwards every call that got its result has its
// record in the database. The instance owns its database here (on PGlite it has to: an embedded
// data directory belongs to one process), which the test opens once the instance has exited.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/lib/database/adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseJsonRpc } from "./mcp-helpers";
import { startInstance, stopInstance, type Instance } from "./instance-process";

const LANES = 6;

let dataDir: string;
let instance: Instance;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atelier-shutdown-"));
  // PostgreSQL: the run's database, shared. PGlite: a directory of the instance's own.
  instance = await startInstance({ seed: true, env: { ATELIER_DATA_DIR: dataDir, REDIS_URL: "" } });
});

afterAll(async () => {
  if (instance) await stopInstance(instance);
  await rm(dataDir, { recursive: true, force: true });
});

type Outcome = { n: number; status: number | "refused"; ran: boolean };

/** Calls `work` on `LANES` lanes until the instance stops answering; `onResult` sees each finished call. */
async function load(url: string, token: string, onResult: (outcome: Outcome) => void) {
  let next = 0;
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (true) {
        const n = next++;
        let outcome: Outcome;
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              Accept: "application/json, text/event-stream",
              Authorization: `Bearer ${token}`,
              "MCP-Protocol-Version": "2025-11-25",
            },
            body: JSON.stringify({ jsonrpc: "2.0", id: n, method: "tools/call", params: { name: "work", arguments: { n } } }),
          });
          const text = await response.text();
          const result = response.status === 200 ? parseJsonRpc(text).result : undefined;
          outcome = { n, status: response.status, ran: result?.structuredContent !== undefined && !result.isError };
        } catch {
          outcome = { n, status: "refused", ran: false }; // the process is gone
        }
        outcomes.push(outcome);
        onResult(outcome);
        if (outcome.status !== 200) return;
      }
    }),
  );
  return outcomes;
}

/** The instance's records, read from its database once it has exited. */
async function recordedInputs(projectId: string): Promise<number[]> {
  const connection = connectDatabase({ databaseUrl: env().DATABASE_URL, dataDir });
  const client = new PrismaClient({ adapter: connection.factory });
  try {
    const rows = await client.execution.findMany({ where: { projectId }, select: { input: true, status: true } });
    expect(rows.every((row) => row.status === "SUCCESS")).toBe(true);
    return rows.map((row) => (row.input as { n: number }).n).sort((a, b) => a - b);
  } finally {
    await client.$disconnect();
    await connection.close();
  }
}

describe("graceful shutdown", () => {
  it("writes the record of every call that got its result before the process exits", async () => {
    const seeded = instance.seeded!;
    const url = `${instance.origin}/mcp/${seeded.orgSlug}/${seeded.projectSlug}/draft`;
    let answered = 0;
    let signalled = false;
    const outcomes = await load(url, seeded.draftToken, (outcome) => {
      if (outcome.ran) answered++;
      // Mid-load, with calls running on every lane and records waiting in the buffer.
      if (answered >= 40 && !signalled) {
        signalled = true;
        instance.child.kill("SIGTERM");
      }
    });
    expect(await instance.exited).toBe(143);
    expect(instance.output()).toContain("[executions] SIGTERM: finishing running MCP calls");
    expect(instance.output()).not.toContain("could not be written");

    const answeredInputs = outcomes
      .filter((outcome) => outcome.ran)
      .map((outcome) => outcome.n)
      .sort((a, b) => a - b);
    expect(answeredInputs.length).toBeGreaterThanOrEqual(40);
    // After the signal, new calls were turned away (503, then connection refused) without running.
    expect(outcomes.filter((outcome) => !outcome.ran).every((outcome) => outcome.status === 503 || outcome.status === "refused")).toBe(
      true,
    );
    // Every answered call has its record; a record beyond those is a call that ran while its
    // client was already giving up on the stopping instance.
    const recorded = await recordedInputs(seeded.projectId);
    expect(recorded).toEqual(expect.arrayContaining(answeredInputs));
    expect(recorded.length).toBeLessThanOrEqual(outcomes.length);
  });
});
