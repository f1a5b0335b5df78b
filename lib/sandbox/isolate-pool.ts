// The sandbox's worker threads (isolate-worker.mjs). Creating a V8 isolate takes about 2 ms of
// synchronous work and disposing one about as long; on the main thread that was a quarter of
// what a tools/call cost it. Each worker keeps a few never-used isolates ready and disposes each
// one after its call, on its own thread; the main thread only sends the call and receives its
// console output, its fetches (run here, under the network policy) and its outcome.
//
// A worker that dies (or stops answering) is replaced; the calls it was running are answered
// with an error saying so. Workers never keep the process alive (unref) and are terminated on
// shutdown (lib/process/lifecycle.ts).
import path from "node:path";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { IsolateOutcome } from "./isolate-source";

/** What the main thread sends for one call; the source is assembled by run-handler.ts. */
export type PoolRequest = {
  source: string;
  props: unknown;
  env: unknown;
  memoryMb: number;
  timeoutMs: number;
  filename: string;
  lineOffset: number;
};

export type PoolHooks = {
  /** Console output and `mcp` events, in order; returns the client's answer to a question. */
  log(level: string, message: string, cut: boolean, mcpEvent: string | undefined): string | undefined;
  fetch(url: unknown, init: unknown): Promise<unknown>;
};

export type PoolReply =
  | { kind: "outcome"; outcome: IsolateOutcome }
  | { kind: "failed"; message: string; isolateDisposed: boolean }
  /** The worker died or stopped answering; the handler's fate is unknown. */
  | { kind: "lost"; message: string };

export type PoolExecution = {
  readonly reply: Promise<PoolReply>;
  /** Disposes the call's isolate (timeout, cancellation); the reply follows. */
  stop(): void;
};

export type IsolatePool = {
  run(request: PoolRequest, hooks: PoolHooks): PoolExecution;
  terminate(): Promise<void>;
  /** The live worker threads (tests kill one to check recovery). */
  readonly threads: readonly Worker[];
  /** Calls in flight on each worker, in the order of `threads`. */
  readonly load: number[];
  /** Isolates created so far by the live workers, as of their last answers (tests). */
  readonly isolatesCreated: number;
};

// How long a worker may take to answer after being told to stop a call before it is taken for
// wedged, terminated and replaced. Disposing an isolate answers in milliseconds.
const STOP_GRACE_MS = 2_000;
// How long a worker waits for the main thread's answer to an `mcp.elicit` / `mcp.sample`.
const INPUT_WAIT_MS = 10_000;

/** Where the worker script is at run time: `npm start`, `next dev` and vitest all run from the repo root. */
function workerScript(): string {
  return path.join(process.cwd(), "lib", "sandbox", "isolate-worker.mjs");
}

type Pending = {
  hooks: PoolHooks;
  settle: (reply: PoolReply) => void;
  graceTimer?: NodeJS.Timeout;
};

type Slot = {
  worker: Worker;
  syncPort: MessagePort;
  syncFlag: Int32Array;
  calls: Map<number, Pending>;
  gone: boolean;
  created: number;
};

export function createIsolatePool(options: { workers: number; readyPerLimit: number; defaultMemoryMb: number }): IsolatePool {
  const slots: Slot[] = [];
  let nextId = 0;
  let terminated = false;

  const start = (): Slot => {
    const { port1, port2 } = new MessageChannel();
    const flagBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(workerScript(), {
      workerData: {
        readyPerLimit: options.readyPerLimit,
        defaultMemoryMb: options.defaultMemoryMb,
        syncPort: port2,
        syncFlag: flagBuffer,
        inputWaitMs: INPUT_WAIT_MS,
      },
      transferList: [port2],
      // The isolates' heaps are outside the worker's, each bounded by its call's memory limit. The
      // worker's own heap holds what calls send out (logs, events, fetch requests and responses,
      // results), each bounded in the isolate (ISOLATE_BOUNDARY_SOURCE in isolate-globals.ts) and
      // fetch responses by MAX_FETCH_BODY_BYTES.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    port1.unref();
    const slot: Slot = { worker, syncPort: port1, syncFlag: new Int32Array(flagBuffer), calls: new Map(), gone: false, created: 0 };
    worker.on("message", (message: WorkerMessage) => receive(slot, message));
    worker.on("error", (error) => lose(slot, `the sandbox worker failed (${error.message})`));
    worker.on("exit", (code) => lose(slot, `the sandbox worker exited (code ${code})`));
    return slot;
  };

  const receive = (slot: Slot, message: WorkerMessage) => {
    const pending = slot.calls.get(message.id);
    switch (message.type) {
      case "log":
        pending?.hooks.log(...message.args);
        return;
      case "input": {
        // Always answered, even for a call already over: the worker's thread is waiting.
        let answer: string | undefined;
        try {
          answer = pending?.hooks.log(...message.args);
        } finally {
          slot.syncPort.postMessage({ sequence: message.sequence, answer: answer ?? null });
          Atomics.add(slot.syncFlag, 0, 1);
          Atomics.notify(slot.syncFlag, 0);
        }
        return;
      }
      case "fetch":
        if (!pending) return;
        pending.hooks.fetch(message.url, message.init).then(
          (outcome) => post(slot, { type: "fetched", id: message.id, fetchId: message.fetchId, outcome }),
          () => post(slot, { type: "fetched", id: message.id, fetchId: message.fetchId, outcome: { ok: false, message: "fetch failed" } }),
        );
        return;
      case "done":
        slot.created = message.created ?? slot.created;
        if (!pending) return;
        pending.settle(
          message.outcome
            ? { kind: "outcome", outcome: message.outcome }
            : { kind: "failed", message: message.error ?? "The handler failed", isolateDisposed: message.isolateDisposed === true },
        );
        return;
    }
  };

  const post = (slot: Slot, message: unknown) => {
    if (!slot.gone) slot.worker.postMessage(message);
  };

  // Every call the worker was running is answered; a new worker takes its place.
  const lose = (slot: Slot, reason: string) => {
    if (slot.gone) return;
    slot.gone = true;
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    for (const pending of [...slot.calls.values()]) {
      pending.settle({ kind: "lost", message: `The handler did not finish: ${reason}. Try again.` });
    }
    void slot.worker.terminate().catch(() => {});
    slot.syncPort.close();
    if (!terminated) console.error(`[sandbox] ${reason}; starting a new one`);
  };

  // A lost worker is replaced when the next call comes.
  const fill = () => {
    while (slots.length < options.workers) slots.push(start());
  };

  // The least busy worker.
  const pick = (): Slot => {
    fill();
    return slots.reduce((best, slot) => (slot.calls.size < best.calls.size ? slot : best));
  };

  fill();

  return {
    run(request, hooks) {
      if (terminated) {
        return { reply: Promise.resolve({ kind: "lost", message: "The server is shutting down. Try again." }), stop() {} };
      }
      const slot = pick();
      const id = ++nextId;
      let settled = false;
      let settle!: (reply: PoolReply) => void;
      const reply = new Promise<PoolReply>((resolve) => {
        settle = (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(pending.graceTimer);
          slot.calls.delete(id);
          resolve(value);
        };
      });
      const pending: Pending = { hooks, settle: (value) => settle(value) };
      slot.calls.set(id, pending);
      try {
        slot.worker.postMessage({ type: "run", id, ...request });
      } catch (error) {
        // Arguments that cannot be copied (structured clone), as ExternalCopy would refuse them.
        settle({ kind: "failed", message: error instanceof Error ? error.message : String(error), isolateDisposed: false });
      }
      return {
        reply,
        stop() {
          if (settled || pending.graceTimer) return;
          post(slot, { type: "stop", id });
          pending.graceTimer = setTimeout(
            () => lose(slot, `the sandbox worker did not stop a handler within ${STOP_GRACE_MS} ms`),
            STOP_GRACE_MS,
          );
        },
      };
    },
    async terminate() {
      terminated = true;
      await Promise.all([...slots].map(async (slot) => lose(slot, "the server is shutting down")));
    },
    get threads() {
      return slots.map((slot) => slot.worker);
    },
    get load() {
      return slots.map((slot) => slot.calls.size);
    },
    get isolatesCreated() {
      return slots.reduce((total, slot) => total + slot.created, 0);
    },
  };
}

type WorkerMessage =
  | { type: "log"; id: number; args: [string, string, boolean, string | undefined] }
  | { type: "input"; id: number; sequence: number; args: [string, string, boolean, string | undefined] }
  | { type: "fetch"; id: number; fetchId: number; url: unknown; init: unknown }
  | { type: "done"; id: number; outcome?: IsolateOutcome; error?: string; isolateDisposed?: boolean; created?: number };
