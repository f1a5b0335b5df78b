// A sandbox worker thread (isolate-pool.ts starts them): it keeps a few never-used isolated-vm
// isolates ready, runs each call in one of them and disposes it after the answer, so creating and
// disposing isolates (about 2 ms each, synchronous) never happens on the server's main thread.
//
// Plain ESM with no TypeScript and no `@/` aliases: it is loaded from its path at run time, by
// `next start` and by vitest alike, never bundled. Everything that decides policy stays on the
// main thread (isolate-pool.ts, run-handler.ts): the isolate's source is assembled there, console
// output is capped and redacted there, `fetch` runs there under the network policy. This file
// only moves data between the isolate and the main thread.
//
// Every call gets an isolate no code has ever run in, and the isolate is disposed when the call
// ends: nothing a handler leaves behind reaches another call.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import ivm from "isolated-vm";

/** @type {{ readyPerLimit: number, defaultMemoryMb: number, syncPort: import("node:worker_threads").MessagePort, syncFlag: SharedArrayBuffer, inputWaitMs: number }} */
const { readyPerLimit, defaultMemoryMb, syncPort, syncFlag, inputWaitMs } = workerData;
const flag = new Int32Array(syncFlag);
// Ready isolates are kept for the few memory limits used again most recently (an isolate's limit
// is fixed when it is created).
const MAX_READY_LIMITS = 3;
// How many limits seen once (and not kept ready) are remembered, to notice one used again.
const MAX_SEEN_LIMITS = 3;

/** @type {Map<number, Array<{ isolate: any, context: any }>>} memory limit (MB) → never-used isolates, most recently used limit last */
const ready = new Map();
// A limit seen for the first time (or again after it was forgotten) is only remembered here and
// served by a new isolate, as without the pool; only one asked for again while remembered gets
// ready isolates made ahead of demand (and may push the least recently used ready limit out). So a
// tenant rotating its tools through more memory limits than are remembered neither makes every
// call create and dispose a whole set of spares nor pushes other tenants' spares out.
/** @type {Set<number>} memory limits seen once, most recently seen last */
const seen = new Set();
/** @type {Map<number, { isolate?: any, stopped: boolean, fetches: Map<number, (outcome: unknown) => void> }>} */
const calls = new Map();
let nextFetchId = 0;
let nextInputSequence = 0;
let refillScheduled = false;

// Isolates this worker has created, reported with every answer (the pool's isolatesCreated).
let created = 0;

function fresh(memoryMb) {
  created++;
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  return { isolate, context: isolate.createContextSync() };
}

/** A never-used isolate with the given limit: a ready one when there is one, else a new one. */
function take(memoryMb) {
  const list = ready.get(memoryMb);
  if (list) {
    ready.delete(memoryMb);
    ready.set(memoryMb, list);
    const spare = list.pop();
    return spare && !spare.isolate.isDisposed ? spare : fresh(memoryMb);
  }
  if (seen.delete(memoryMb)) {
    ready.set(memoryMb, []);
    while (ready.size > MAX_READY_LIMITS) {
      const [oldest] = ready.keys();
      for (const spare of ready.get(oldest) ?? []) spare.isolate.dispose();
      ready.delete(oldest);
    }
  } else {
    seen.add(memoryMb);
    if (seen.size > MAX_SEEN_LIMITS) {
      const [oldest] = seen;
      seen.delete(oldest);
    }
  }
  return fresh(memoryMb);
}

// One isolate per turn of the event loop, so a call's messages are never held up for long.
function scheduleRefill() {
  if (refillScheduled) return;
  refillScheduled = true;
  setImmediate(() => {
    refillScheduled = false;
    for (const [memoryMb, list] of ready) {
      if (list.length < readyPerLimit) {
        list.push(fresh(memoryMb));
        scheduleRefill();
        return;
      }
    }
  });
}

function post(message) {
  parentPort.postMessage(message);
}

/**
 * The isolate's console and `mcp` helper (isolate-globals.ts, content-helper.ts). A question to
 * the client (`mcp.elicit` / `mcp.sample`) needs its answer synchronously, as on the main thread
 * before: the main thread answers on `syncPort` and bumps `syncFlag`; only this worker's own
 * thread waits, and only for that one round trip.
 */
function hostLog(id, level, message, cut, mcpEvent) {
  const args = [String(level), String(message), cut === true, typeof mcpEvent === "string" ? mcpEvent : undefined];
  if (args[3]?.startsWith('{"kind":"input"')) return ask(id, args);
  post({ type: "log", id, args });
  return undefined;
}

function ask(id, args) {
  const sequence = ++nextInputSequence;
  post({ type: "input", id, sequence, args });
  const deadline = Date.now() + inputWaitMs;
  for (;;) {
    const seen = Atomics.load(flag, 0);
    const reply = receiveMessageOnPort(syncPort);
    if (reply) {
      if (reply.message.sequence === sequence) return reply.message.answer ?? undefined;
      continue; // the late answer to an earlier question that timed out
    }
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(flag, 0, seen, left);
  }
}

function hostFetch(id, url, init) {
  const call = calls.get(id);
  if (!call || call.stopped) return { ok: false, message: "fetch was aborted: the handler finished or ran out of time" };
  const fetchId = ++nextFetchId;
  return new Promise((resolve) => {
    call.fetches.set(fetchId, resolve);
    post({ type: "fetch", id, fetchId, url, init });
  });
}

function copyInto(value) {
  return new ivm.ExternalCopy(value).copyInto({ release: true });
}

async function run(request) {
  const { id } = request;
  const call = { isolate: undefined, stopped: false, fetches: new Map() };
  calls.set(id, call);
  let logReference;
  let fetchReference;
  try {
    const { isolate, context } = take(request.memoryMb);
    call.isolate = isolate;
    logReference = new ivm.Reference((level, message, cut, mcpEvent) => hostLog(id, level, message, cut, mcpEvent));
    fetchReference = new ivm.Reference((url, init) => hostFetch(id, url, init));
    const outcome = await context.evalClosure(
      request.source,
      [copyInto(request.props), copyInto(request.env), logReference, fetchReference],
      // isolated-vm's own watchdog: a loop in the handler's synchronous part dies on time even
      // when a timer would fire late.
      { filename: request.filename, lineOffset: request.lineOffset, timeout: request.timeoutMs, result: { promise: true, copy: true } },
    );
    post({ type: "done", id, outcome, created });
  } catch (error) {
    const message = error instanceof Error ? String(error.message) : String(error);
    post({ type: "done", id, error: message.slice(0, 8192), isolateDisposed: call.isolate?.isDisposed ?? false, created });
  } finally {
    calls.delete(id);
    for (const resolve of call.fetches.values()) resolve({ ok: false, message: "fetch was aborted: the handler finished" });
    logReference?.release();
    fetchReference?.release();
    if (call.isolate && !call.isolate.isDisposed) call.isolate.dispose();
    scheduleRefill();
  }
}

function stop(id) {
  const call = calls.get(id);
  if (!call || call.stopped) return;
  call.stopped = true;
  // Rejects the call's evalClosure, which then reports back through run()'s catch.
  if (call.isolate && !call.isolate.isDisposed) call.isolate.dispose();
}

parentPort.on("message", (message) => {
  switch (message.type) {
    case "run":
      void run(message);
      break;
    case "stop":
      stop(message.id);
      break;
    case "fetched":
      calls.get(message.id)?.fetches.get(message.fetchId)?.(message.outcome);
      calls.get(message.id)?.fetches.delete(message.fetchId);
      break;
  }
});

// Ready before the first call arrives.
ready.set(defaultMemoryMb, []);
scheduleRefill();
