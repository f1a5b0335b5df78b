// ATELIER_SANDBOX_WORKERS=0: isolates created, run and disposed on the main thread, one per call
// and only when the call comes — how the sandbox worked before its worker threads
// (isolate-pool.ts). Kept as a fallback for a platform where worker threads misbehave, and so
// `npm run bench` can compare both in one build. Same requests, hooks and replies as the pool.
import ivm from "isolated-vm";
import type { IsolatePool, PoolReply } from "./isolate-pool";

export function createInlineIsolates(): IsolatePool {
  let running = 0;
  let created = 0;
  return {
    run(request, hooks) {
      created++;
      const isolate = new ivm.Isolate({ memoryLimit: request.memoryMb });
      const logReference = new ivm.Reference(hooks.log);
      const fetchReference = new ivm.Reference(hooks.fetch);
      const copyInto = (value: unknown) => new ivm.ExternalCopy(value).copyInto({ release: true });
      running++;
      const evaluate = async (): Promise<PoolReply> => {
        try {
          const context = await isolate.createContext();
          const outcome = await context.evalClosure(
            request.source,
            [copyInto(request.props), copyInto(request.env), logReference, fetchReference],
            {
              filename: request.filename,
              lineOffset: request.lineOffset,
              timeout: request.timeoutMs,
              result: { promise: true, copy: true },
            },
          );
          return { kind: "outcome", outcome };
        } catch (error) {
          return { kind: "failed", message: error instanceof Error ? error.message : String(error), isolateDisposed: isolate.isDisposed };
        } finally {
          running--;
          logReference.release();
          fetchReference.release();
          if (!isolate.isDisposed) isolate.dispose();
        }
      };
      return {
        reply: evaluate(),
        stop() {
          if (!isolate.isDisposed) isolate.dispose();
        },
      };
    },
    async terminate() {},
    threads: [],
    get load() {
      return [running];
    },
    get isolatesCreated() {
      return created;
    },
  };
}
