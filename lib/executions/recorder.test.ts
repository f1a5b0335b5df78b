// The recorder's buffering: batches, the timer, a failing database (retry, then drop, never
// throw), and the bound on what waits in memory. The writes go to a function standing in for the
// INSERT; rows themselves are tested in recorder-row.test.ts and through the endpoints.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ToolCallRecord } from "@/lib/mcp/types";
import { ExecutionRecorder, FLUSH_INTERVAL_MS } from "./recorder";
import type { ExecutionRow, ExecutionSource } from "./recorder-row";

const source: ExecutionSource = {
  projectId: "p1",
  organizationId: "o1",
  environment: "draft",
  packageVersion: null,
  caller: { kind: "draft_token" },
  clientIp: null,
};
const record = (toolName: string): ToolCallRecord => ({
  toolName,
  toolId: null,
  environment: "draft",
  status: "success",
  durationMs: 1,
  logs: [],
  arguments: {},
});

function recorderWith(write: (rows: ExecutionRow[]) => Promise<unknown>) {
  const batches: string[][] = [];
  const recorder = new ExecutionRecorder(
    async (rows) => {
      await write(rows);
      batches.push(rows.map((row) => row.toolName));
    },
    async (ids) => new Map(ids.map((id) => [id, `${id}@example.test`])),
  );
  return { recorder, batches };
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  errors.mockRestore();
  vi.useRealTimers();
});

describe("ExecutionRecorder", () => {
  it("writes nothing during the call, then everything buffered in one batch when the timer fires", async () => {
    vi.useFakeTimers();
    const { recorder, batches } = recorderWith(async () => {});
    recorder.record(source, record("a"));
    recorder.record(source, record("b"));
    expect(batches).toEqual([]);
    expect(recorder.backlog).toBe(2);
    await vi.advanceTimersByTimeAsync(FLUSH_INTERVAL_MS);
    expect(batches).toEqual([["a", "b"]]);
    expect(recorder.backlog).toBe(0);
  });

  it("writes at once, in batches of 200, when many records are waiting", async () => {
    vi.useFakeTimers();
    const { recorder, batches } = recorderWith(async () => {});
    for (let i = 0; i < 450; i++) recorder.record(source, record(`t${i}`));
    // The 200th record starts a flush without waiting for the timer; it writes all that waits.
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
  });

  it("keeps a batch the database refused and writes it on a later attempt, in order", async () => {
    let down = true;
    const { recorder, batches } = recorderWith(async () => {
      if (down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    recorder.record(source, record("a"));
    await recorder.flush();
    expect(batches).toEqual([]);
    expect(recorder.backlog).toBe(1);
    expect(String(errors.mock.calls[0][0])).toContain(
      "writing 1 execution records failed (attempt 1 of 8), will retry: connect ECONNREFUSED",
    );

    recorder.record(source, record("b"));
    down = false;
    await recorder.flush();
    expect(batches).toEqual([["a"], ["b"]]);
    expect(recorder.backlog).toBe(0);
  });

  it("backs off while the database fails: a full buffer does not bring the next attempt forward", async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const { recorder } = recorderWith(async () => {
      attempts++;
      throw new Error("database is down");
    });
    recorder.record(source, record("a"));
    await vi.advanceTimersByTimeAsync(FLUSH_INTERVAL_MS);
    expect(attempts).toBe(1);
    for (let i = 0; i < 300; i++) recorder.record(source, record("b"));
    await vi.advanceTimersByTimeAsync(FLUSH_INTERVAL_MS);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(FLUSH_INTERVAL_MS);
    expect(attempts).toBe(2); // 2 × the interval after the first failure
  });

  it("isolates the rows a working database refuses: every other row of the batch is written, each bad one reported and kept without its content", async () => {
    const writes: string[][] = [];
    const recorder = new ExecutionRecorder(
      async (rows) => {
        // Stands in for PostgreSQL refusing the batch that carries a poisoned row.
        if (
          rows.some((row) => row.toolName.startsWith("bad") && row.input !== undefined && !JSON.stringify(row.input).includes("not stored"))
        ) {
          throw new Error("unsupported Unicode escape sequence");
        }
        writes.push(rows.map((row) => row.toolName));
      },
      async () => new Map(),
      async () => true,
    );
    const names = Array.from({ length: 64 }, (_, index) => (index === 5 || index === 40 ? `bad${index}` : `ok${index}`));
    for (const name of names) recorder.record(source, record(name));
    await recorder.flush();
    expect(writes.flat().sort()).toEqual([...names].sort());
    expect(recorder.backlog).toBe(0);
    const reports = errors.mock.calls
      .map((call: unknown[]) => String(call[0]))
      .filter((line: string) => line.includes("refused the record"));
    expect(reports).toHaveLength(2);
    expect(reports[0]).toContain('the database refused the record of a call of "bad5" in project p1 (unsupported Unicode escape sequence)');
  });

  it("retries rather than isolates when the database does not answer", async () => {
    let writes = 0;
    const recorder = new ExecutionRecorder(
      async () => {
        writes++;
        throw new Error("connect ECONNREFUSED");
      },
      async () => new Map(),
      async () => false,
    );
    for (let i = 0; i < 10; i++) recorder.record(source, record(`t${i}`));
    await recorder.flush();
    expect(writes).toBe(1);
    expect(recorder.backlog).toBe(10);
  });

  it("drops a batch after 8 failed writes, and says so", async () => {
    const { recorder } = recorderWith(async () => {
      throw new Error("database is down");
    });
    recorder.record(source, record("a"));
    for (let attempt = 0; attempt < 8; attempt++) await recorder.flush();
    expect(recorder.backlog).toBe(0);
    expect(String(errors.mock.calls.at(-1)?.[0])).toBe("[executions] dropped 1 execution records after 8 failed writes: database is down");
  });

  it("bounds what waits in memory: past 10,000 records, new ones are dropped and counted", async () => {
    const { recorder, batches } = recorderWith(async () => {});
    for (let i = 0; i < 10_005; i++) recorder.record(source, record("t"));
    expect(recorder.backlog).toBe(10_000);
    await recorder.flush();
    expect(batches.flat()).toHaveLength(10_000);
    expect(errors).toHaveBeenCalledWith(
      "[executions] dropped 5 execution records: 10000 were already waiting to be written (is the database down?)",
    );
  });

  it("labels OAuth callers with their user, looked up once per batch", async () => {
    const rows: ExecutionRow[] = [];
    const lookups: string[][] = [];
    const recorder = new ExecutionRecorder(
      async (batch) => rows.push(...batch),
      async (ids) => {
        lookups.push(ids);
        return new Map([["u1", "ada@example.test"]]);
      },
    );
    const oauth = { ...source, caller: { kind: "oauth" as const, grantId: "g1", userId: "u1", clientName: "Claude" } };
    recorder.record(oauth, record("a"));
    recorder.record(oauth, record("b"));
    await recorder.flush();
    expect(lookups).toEqual([["u1"]]);
    expect(rows.map((row) => [row.callerKind, row.callerId, row.callerLabel])).toEqual([
      ["oauth", "g1", "Claude for ada@example.test"],
      ["oauth", "g1", "Claude for ada@example.test"],
    ]);
  });
});
