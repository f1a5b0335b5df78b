// How many handlers run at once in this process. Each running handler is an isolate on its own
// thread with up to its memory limit, so without a bound a burst of calls (one tenant's, or a
// hostile one) takes every core and the server's memory from everyone. Calls beyond the bound
// wait in a queue of bounded length; no organization may hold more than half of the slots, so
// one tenant's flood leaves room for the others; a call that finds the queue full, or waits
// longer than it may, is refused with a clear error instead of piling up.

export class SandboxBusy extends Error {}

/** The caller's signal aborted while the call was waiting for a slot. */
export class SlotWaitCancelled extends Error {}

type Waiter = { organizationId: string; start: () => void };

export type IsolateSlots = {
  /** Resolves with a release function once the call may start; rejects with SandboxBusy, or SlotWaitCancelled when `signal` aborts first. */
  acquire(options: { organizationId: string; maxWaitMs: number; signal?: AbortSignal }): Promise<() => void>;
  readonly running: number;
  readonly queued: number;
};

export function createIsolateSlots(options: { maxConcurrent: number; maxQueued: number }): IsolateSlots {
  const { maxConcurrent, maxQueued } = options;
  const perOrganization = Math.max(1, Math.ceil(maxConcurrent / 2));
  const runningBy = new Map<string, number>();
  let running = 0;
  const queue: Waiter[] = [];

  const canStart = (organizationId: string) => running < maxConcurrent && (runningBy.get(organizationId) ?? 0) < perOrganization;

  const take = (organizationId: string) => {
    running++;
    runningBy.set(organizationId, (runningBy.get(organizationId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      const left = (runningBy.get(organizationId) ?? 1) - 1;
      if (left === 0) runningBy.delete(organizationId);
      else runningBy.set(organizationId, left);
      startWaiting();
    };
  };

  // First in, first out, skipping organizations already at their share.
  const startWaiting = () => {
    for (let index = 0; index < queue.length && running < maxConcurrent; ) {
      const waiter = queue[index];
      if (canStart(waiter.organizationId)) {
        queue.splice(index, 1);
        waiter.start();
      } else index++;
    }
  };

  return {
    acquire({ organizationId, maxWaitMs, signal }) {
      if (signal?.aborted) return Promise.reject(new SlotWaitCancelled("Cancelled while waiting for a handler slot"));
      if (canStart(organizationId)) return Promise.resolve(take(organizationId));
      if (queue.length >= maxQueued) {
        return Promise.reject(
          new SandboxBusy(`The server is busy: ${running} handlers are running and ${queue.length} are waiting. Try again in a moment.`),
        );
      }
      return new Promise((resolve, reject) => {
        const leave = (error: Error) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(error);
        };
        const onAbort = () => leave(new SlotWaitCancelled("Cancelled while waiting for a handler slot"));
        const timer = setTimeout(
          () => leave(new SandboxBusy(`The server is busy: no handler slot became free within ${maxWaitMs} ms. Try again in a moment.`)),
          maxWaitMs,
        );
        const waiter: Waiter = {
          organizationId,
          start: () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            resolve(take(organizationId));
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
      });
    },
    get running() {
      return running;
    },
    get queued() {
      return queue.length;
    },
  };
}
