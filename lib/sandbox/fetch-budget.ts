// What one handler call may have in flight through `fetch`: a few requests at once (the rest
// wait their turn, bounded by the call's time limit) and, across them, no more response bytes
// buffered on the host than the tool's own memory limit. The host's copy of a body is released
// when it is handed to the isolate, where the isolate's heap limit counts it.
import { MAX_CONCURRENT_FETCHES_PER_CALL } from "./limits";

export type FetchBudget = {
  /** Waits for a free request slot; the returned function gives it back. */
  acquire(signal: AbortSignal): Promise<() => void>;
  /** Counts buffered bytes; throws once the call holds more than its limit. */
  hold(bytes: number): void;
  free(bytes: number): void;
};

export function createFetchBudget(options: { maxBufferedBytes: number; maxConcurrent?: number }): FetchBudget {
  const maxConcurrent = options.maxConcurrent ?? MAX_CONCURRENT_FETCHES_PER_CALL;
  let running = 0;
  let buffered = 0;
  const waiting: Array<() => void> = [];

  // A freed slot goes straight to the next waiter, so nobody can take it in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    // The isolate holds back fetches past the same limit (isolate-globals.ts); this is the host's own backstop.
    async acquire(signal) {
      if (running < maxConcurrent) running++;
      else {
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            const index = waiting.indexOf(start);
            if (index >= 0) waiting.splice(index, 1);
            reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
          };
          const start = () => {
            signal.removeEventListener("abort", onAbort);
            resolve();
          };
          if (signal.aborted) return onAbort();
          signal.addEventListener("abort", onAbort, { once: true });
          waiting.push(start);
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    hold(bytes) {
      buffered += bytes;
      if (buffered > options.maxBufferedBytes) {
        buffered -= bytes;
        const limitMb = Math.round(options.maxBufferedBytes / 1024 / 1024);
        throw Object.assign(
          new Error(`fetch responses in flight exceed this tool's memory limit of ${limitMb} MB; fetch fewer or smaller responses at once`),
          { code: "ATELIER_FETCH_BUDGET" },
        );
      }
    },
    free(bytes) {
      buffered = Math.max(0, buffered - bytes);
    },
  };
}
