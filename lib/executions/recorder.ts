// Execution records, written off the request. A tools/call hands its record to recordToolCall,
// which only appends it to an in-memory buffer; a timer writes the buffer in batches (one INSERT)
// every FLUSH_INTERVAL_MS, or at once when BATCH_SIZE records are waiting. Hashing and serializing
// happen at that point too, so the hot path pays for an array push.
//
// When the database is unavailable: a batch that fails is kept and retried with a growing delay
// (up to MAX_ATTEMPTS times), then dropped with a log line saying how many records were lost.
// When the database answers but refuses the batch, a row in it is bad: the batch is split until
// the bad rows stand alone, the others are written, and each bad row is reported and stored
// without its input, output and logs (isolateBadRows), so no caller can fail its neighbours' records.
// The buffer is bounded (MAX_PENDING records waiting to be written); past that, new records are
// dropped and counted in the log rather than growing memory without end. Nothing here ever throws
// into a request. On SIGTERM/SIGINT the buffer is flushed before the process exits
// (lib/process/lifecycle.ts).
import "server-only";
import { db } from "@/lib/db";
import type { ToolCallRecord } from "@/lib/mcp/types";
import { executionRow, type ExecutionRow, type ExecutionSource } from "./recorder-row";

export const FLUSH_INTERVAL_MS = 200;
const BATCH_SIZE = 200;
const MAX_PENDING = 10_000;
const MAX_ATTEMPTS = 8;
const MAX_RETRY_DELAY_MS = 5_000;

type Entry = { source: ExecutionSource; record: ToolCallRecord };
type FailedBatch = { rows: ExecutionRow[]; attempts: number };

export type WriteRows = (rows: ExecutionRow[]) => Promise<unknown>;
export type LoadUserLabels = (userIds: string[]) => Promise<Map<string, string>>;
/** Whether the database answers a trivial query: tells a refused row from an outage. */
export type DatabaseAnswers = () => Promise<boolean>;

export class ExecutionRecorder {
  private pending: Entry[] = [];
  private failed: FailedBatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private dropped = 0;

  constructor(
    private readonly writeRows: WriteRows,
    private readonly loadUserLabels: LoadUserLabels,
    private readonly databaseAnswers: DatabaseAnswers = async () => false,
  ) {}

  /** Buffers one call's record; returns at once. */
  record(source: ExecutionSource, record: ToolCallRecord) {
    if (this.pending.length >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending.push({ source, record });
    // A full batch goes at once, unless the database is failing: then the retry delay stands.
    this.schedule(this.pending.length >= BATCH_SIZE && !this.failed ? 0 : FLUSH_INTERVAL_MS);
  }

  /** Records waiting to be written (buffered or in a failed batch). */
  get backlog(): number {
    return this.pending.length + (this.failed?.rows.length ?? 0);
  }

  /**
   * Writes everything buffered now; resolves when the buffer is empty or a write failed (the
   * failed batch stays queued for the next attempt). For tests and for shutdown.
   */
  async flush(): Promise<void> {
    while (true) {
      await (this.flushing ?? this.startFlush());
      const progressed = this.failed === null;
      if (!progressed || this.backlog === 0) return;
    }
  }

  private schedule(delayMs: number) {
    if (this.flushing) return; // the running flush reschedules when it ends
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.startFlush();
    }, delayMs);
    // A buffered record never keeps a process alive by itself: shutdown flushes explicitly.
    this.timer.unref();
  }

  private startFlush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = null;
      if (this.backlog > 0)
        this.schedule(this.failed ? retryDelay(this.failed.attempts) : this.pending.length >= BATCH_SIZE ? 0 : FLUSH_INTERVAL_MS);
    });
    return this.flushing;
  }

  private async flushOnce() {
    this.reportDropped();
    if (this.failed) {
      const batch = this.failed;
      this.failed = null;
      await this.write(batch);
      if (this.failed) return;
    }
    while (this.pending.length > 0) {
      const entries = this.pending.splice(0, BATCH_SIZE);
      await this.write({ rows: await this.buildRows(entries), attempts: 0 });
      if (this.failed) return;
    }
  }

  private async buildRows(entries: Entry[]): Promise<ExecutionRow[]> {
    const labels = await this.userLabels(entries);
    return entries.flatMap(({ source, record }) => {
      try {
        return [executionRow(source, record, labels)];
      } catch (error) {
        console.error(`[executions] could not record a call of ${record.toolName}`, error);
        return [];
      }
    });
  }

  // Labels are cosmetic: a failed lookup costs the OAuth callers' user names, never the records.
  private async userLabels(entries: Entry[]): Promise<Map<string, string>> {
    const userIds = [
      ...new Set(
        entries.flatMap(({ source }) =>
          source.caller.kind === "oauth" || source.caller.kind === "test_panel" ? [source.caller.userId] : [],
        ),
      ),
    ];
    if (userIds.length === 0) return new Map();
    try {
      return await this.loadUserLabels(userIds);
    } catch (error) {
      console.warn(`[executions] could not load user names for OAuth callers: ${error instanceof Error ? error.message : String(error)}`);
      return new Map();
    }
  }

  private async write(batch: FailedBatch) {
    try {
      await this.writeRows(batch.rows);
    } catch (error) {
      if (await this.answers()) {
        const unwritten = await this.isolateBadRows(batch.rows, error);
        if (unwritten.length === 0) return;
        this.retryLater({ rows: unwritten, attempts: batch.attempts }, error);
        return;
      }
      this.retryLater(batch, error);
    }
  }

  private retryLater(batch: FailedBatch, error: unknown) {
    const attempts = batch.attempts + 1;
    const reason = describeError(error);
    if (attempts >= MAX_ATTEMPTS) {
      console.error(`[executions] dropped ${batch.rows.length} execution records after ${attempts} failed writes: ${reason}`);
      return;
    }
    console.error(
      `[executions] writing ${batch.rows.length} execution records failed (attempt ${attempts} of ${MAX_ATTEMPTS}), will retry: ${reason}`,
    );
    this.failed = { rows: batch.rows, attempts };
  }

  /**
   * The database answered but refused `rows`: each half is written on its own, and a half that
   * fails is split again, until the bad rows stand alone. Returns the rows left unwritten because
   * the database stopped answering meanwhile (retried like any failed batch).
   */
  private async isolateBadRows(rows: ExecutionRow[], error: unknown): Promise<ExecutionRow[]> {
    if (rows.length === 1) {
      await this.writeRefusedRow(rows[0], error);
      return [];
    }
    const middle = Math.ceil(rows.length / 2);
    const unwritten: ExecutionRow[] = [];
    for (const half of [rows.slice(0, middle), rows.slice(middle)]) {
      try {
        await this.writeRows(half);
      } catch (halfError) {
        if (await this.answers()) unwritten.push(...(await this.isolateBadRows(half, halfError)));
        else unwritten.push(...half);
      }
    }
    return unwritten;
  }

  // The call still shows on the Executions page, with its outcome, caller and time; only what the
  // database refused is left out, and the log says which record it was.
  private async writeRefusedRow(row: ExecutionRow, error: unknown) {
    const reason = describeError(error);
    console.error(
      `[executions] the database refused the record of a call of ${JSON.stringify(row.toolName)} in project ${row.projectId} (${reason}); it is stored without its input, output and console output`,
    );
    try {
      await this.writeRows([withoutContent(row, reason)]);
    } catch (placeholderError) {
      console.error(`[executions] dropped the record of a call in project ${row.projectId}: ${describeError(placeholderError)}`);
    }
  }

  private async answers(): Promise<boolean> {
    try {
      return await this.databaseAnswers();
    } catch {
      return false;
    }
  }

  private reportDropped() {
    if (this.dropped === 0) return;
    console.error(
      `[executions] dropped ${this.dropped} execution records: ${MAX_PENDING} were already waiting to be written (is the database down?)`,
    );
    this.dropped = 0;
  }
}

const describeError = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error)).slice(0, 500);

/** A refused row cut down to what cannot be refused: ids, outcome, times and plain labels. */
function withoutContent(row: ExecutionRow, reason: string): ExecutionRow {
  const plain = (text: string | null | undefined) => (text == null ? null : text.replace(/[^\x20-\x7e]/g, "?"));
  const marker = { $truncated: true, bytes: 0, preview: "", reason: `not stored: the database refused this record (${plain(reason)})` };
  return {
    ...row,
    createdAt: Number.isNaN(row.createdAt.getTime()) ? new Date() : row.createdAt,
    toolName: plain(row.toolName) ?? "",
    errorCode: plain(row.errorCode),
    input: marker,
    output: undefined,
    logs: [],
    clientName: plain(row.clientName),
    clientVersion: plain(row.clientVersion),
    callerLabel: plain(row.callerLabel) ?? "",
  };
}

const retryDelay = (attempts: number) => Math.min(FLUSH_INTERVAL_MS * 2 ** attempts, MAX_RETRY_DELAY_MS);

async function loadUserLabels(userIds: string[]) {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
}

type Holder = { recorder?: ExecutionRecorder };
const holder: Holder = ((globalThis as { __atelierExecutions?: Holder }).__atelierExecutions ??= {});

/**
 * One INSERT with one parameter, the batch as JSON, mapped onto the table's columns by name.
 * Prisma's createMany binds every column of every row as a parameter of its own, which on the
 * embedded PGlite — running on the server's main thread — costs about 1.5 ms a row, stalling
 * every request meanwhile; this costs about 0.07 ms a row. Records of a project deleted since the
 * call are skipped (their rows would go with the project anyway) instead of failing the batch.
 * The insert's statement-level trigger adds the batch to the stats rollups (ExecutionRollup, one
 * INSERT … ON CONFLICT DO UPDATE per statement, in this statement's transaction).
 */
async function insertExecutionRows(rows: ExecutionRow[]) {
  await db.$executeRaw`
    INSERT INTO "Execution"
    SELECT row.* FROM jsonb_populate_recordset(NULL::"Execution", ${JSON.stringify(rows)}::jsonb) AS row
    WHERE EXISTS (SELECT 1 FROM "Project" project WHERE project."id" = row."projectId")`;
}

async function databaseAnswers() {
  await db.$queryRaw`SELECT 1`;
  return true;
}

/** A recorder writing to the database (the process has one; tests may make their own). */
export function createExecutionRecorder(): ExecutionRecorder {
  return new ExecutionRecorder(insertExecutionRows, loadUserLabels, databaseAnswers);
}

function recorder(): ExecutionRecorder {
  holder.recorder ??= createExecutionRecorder();
  return holder.recorder;
}

/** The recorder's entry point: plug into ServeContext.onToolCall. Never throws, never waits. */
export function recordToolCall(source: ExecutionSource, record: ToolCallRecord) {
  recorder().record(source, record);
}

/** Writes every buffered record now (tests, shutdown). */
export function flushExecutions(): Promise<void> {
  return recorder().flush();
}

export function executionBacklog(): number {
  return recorder().backlog;
}
