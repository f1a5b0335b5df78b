// The sandbox's worker threads: a fresh isolate for every call even on one worker, questions to
// the client answered across the thread boundary, a killed worker replaced, calls spread out.
import { afterAll, describe, expect, it } from "vitest";
import { createInlineIsolates } from "./inline-isolates";
import { createIsolatePool } from "./isolate-pool";
import { createIsolateSlots } from "./isolate-slots";
import { type RunHandlerOptions, runHandler } from "./index";

const env = { secrets: {}, organizationId: "org-a", projectId: "p", environment: "draft" as const, locale: "en" };
const slots = createIsolateSlots({ maxConcurrent: 16, maxQueued: 16 });
const oneWorker = createIsolatePool({ workers: 1, readyPerLimit: 2, defaultMemoryMb: 128 });
const twoWorkers = createIsolatePool({ workers: 2, readyPerLimit: 2, defaultMemoryMb: 128 });
const run = (code: string, options: Partial<RunHandlerOptions> = {}) =>
  runHandler({ code, props: {}, env, allowedDomains: [], limits: { timeoutMs: 30_000 }, slots, pool: oneWorker, ...options });

afterAll(async () => {
  await Promise.all([oneWorker.terminate(), twoWorkers.terminate()]);
});

// Reports what earlier calls may have left behind, then leaves some of its own.
const LEAVE_STATE = `async () => {
  const seen = { counter: globalThis.counter ?? null, prototype: [].leaked ?? null, json: JSON.stringify.patched ?? null };
  globalThis.counter = (globalThis.counter ?? 0) + 1;
  Array.prototype.leaked = "from an earlier call";
  JSON.stringify.patched = true;
  return seen;
}`;
const NOTHING_SEEN = { counter: null, prototype: null, json: null };

describe("isolate pool", () => {
  it("gives every call a fresh isolate: state one call leaves is invisible to the next on the same worker", async () => {
    expect(oneWorker.threads).toHaveLength(1);
    for (let index = 0; index < 5; index++) {
      expect(await run(LEAVE_STATE)).toMatchObject({ ok: true, output: NOTHING_SEEN });
    }
    const together = await Promise.all(Array.from({ length: 6 }, () => run(LEAVE_STATE)));
    expect(together.map((result) => result.ok && result.output)).toEqual(Array(6).fill(NOTHING_SEEN));
  });

  it("does not make spares for memory limits a tenant rotates through faster than they are kept", async () => {
    const readyPerLimit = 2;
    const pool = createIsolatePool({ workers: 1, readyPerLimit, defaultMemoryMb: 128 });
    try {
      const call = (memoryMb: number) =>
        runHandler({ code: "async () => 1", props: {}, env, allowedDomains: [], limits: { memoryMb, timeoutMs: 30_000 }, slots, pool });
      expect(await call(128)).toMatchObject({ ok: true });
      const before = pool.isolatesCreated;
      // Five limits in turn, more than the three a worker remembers: each call is a new limit to it.
      const limits = [16, 32, 48, 64, 80];
      for (let round = 0; round < 4; round++) for (const memoryMb of limits) expect(await call(memoryMb)).toMatchObject({ ok: true });
      // One isolate per call, as without a pool (making and dropping spares each time would be ~3 per call).
      expect(pool.isolatesCreated - before).toBeLessThanOrEqual(limits.length * 4 + 2);
      // A limit used again while it is kept does get spares: the next calls take them. Each call
      // uses one isolate made after `mark`, so without spares the count grows by exactly one per
      // call; with them it also counts the spares made ahead of the calls. Once the worker has
      // caught up between two calls, a call's answer counts all of them but the one it took.
      const mark = pool.isolatesCreated;
      let calls = 0;
      const call48 = async () => {
        expect(await call(48)).toMatchObject({ ok: true });
        calls++;
        return pool.isolatesCreated - mark - calls;
      };
      for (let index = 0; index < 4; index++) await call48();
      await expect.poll(call48).toBeGreaterThanOrEqual(readyPerLimit - 1);
    } finally {
      await pool.terminate();
    }
  });

  it("keeps the default limit's spares while another tenant cycles through new memory limits", async () => {
    const pool = createIsolatePool({ workers: 1, readyPerLimit: 2, defaultMemoryMb: 128 });
    try {
      const call = (memoryMb: number) =>
        runHandler({ code: "async () => 1", props: {}, env, allowedDomains: [], limits: { memoryMb, timeoutMs: 30_000 }, slots, pool });
      // Isolates made since the answer before, up to this call's answer. A call served by a spare
      // makes none of its own (the spare is replaced after the answer, counted with the next one).
      const createdBy = async (memoryMb: number) => {
        const mark = pool.isolatesCreated;
        expect(await call(memoryMb)).toMatchObject({ ok: true });
        return pool.isolatesCreated - mark;
      };
      expect(await call(128)).toMatchObject({ ok: true });
      // More limits than a worker keeps spares for, each new to it: each is served by a new isolate
      // (the counts may also include the spare 128 gets back after the call above) and pushes no
      // other limit's spares out.
      const limits = [16, 32, 48, 64, 80, 96];
      let created = 0;
      for (const memoryMb of limits) created += await createdBy(memoryMb);
      expect(created).toBeLessThanOrEqual(limits.length + 1);
      // The worker looks for spares to make just after each answer; given a moment for that, the
      // next call to 128 cannot find its list short because of that look, and takes a spare.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await createdBy(128)).toBe(0);
    } finally {
      await pool.terminate();
    }
  });

  it("gives every call a fresh isolate on the main thread too (ATELIER_SANDBOX_WORKERS=0)", async () => {
    const inline = createInlineIsolates();
    for (let index = 0; index < 3; index++) {
      expect(await run(LEAVE_STATE, { pool: inline })).toMatchObject({ ok: true, output: NOTHING_SEEN });
    }
  });

  it("gives a fresh isolate with another memory limit too, and enforces that limit", async () => {
    expect(await run(LEAVE_STATE, { limits: { memoryMb: 32 } })).toMatchObject({ ok: true, output: NOTHING_SEEN });
    const hog = await run("async () => { const parts = []; while (true) parts.push('x'.repeat(1024 * 1024) + parts.length) }", {
      limits: { memoryMb: 32, timeoutMs: 30_000 },
    });
    expect(hog).toMatchObject({ ok: false, errorType: "memory", message: "Handler exceeded its memory limit of 32 MB" });
    expect(await run(LEAVE_STATE, { limits: { memoryMb: 32 } })).toMatchObject({ ok: true, output: NOTHING_SEEN });
  });

  it("answers mcp.elicit from the main thread's listener, in order with the console", async () => {
    const result = await run(
      `async () => {
        console.log("asking");
        const first = await mcp.elicit({ message: "Proceed?" });
        const second = await mcp.elicit({ message: "Sure?" }, { key: "sure" });
        console.log("answered");
        return [first, second];
      }`,
      {
        onMcpEvent: (event) => (event.kind === "input" ? JSON.stringify({ action: "accept", content: { key: event.key } }) : undefined),
      },
    );
    expect(result).toMatchObject({
      ok: true,
      output: [
        { action: "accept", content: { key: "elicit-1" } },
        { action: "accept", content: { key: "sure" } },
      ],
    });
    expect(result.logs.map((entry) => entry.message)).toEqual([
      "asking",
      "[elicitation/create] elicit-1",
      "[elicitation/create] sure",
      "answered",
    ]);
  });

  it("stops a handler at a question the listener has no answer for", async () => {
    const asked: string[] = [];
    const result = await run("async () => { await mcp.elicit({ message: 'Proceed?' }); return 'went on' }", {
      onMcpEvent: (event) => {
        if (event.kind === "input") asked.push(event.key);
      },
    });
    expect(asked).toEqual(["elicit-1"]);
    expect(result).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: "McpInputRequired: elicit-1 is waiting for the client's answer",
    });
  });

  it("answers the calls of a worker that dies with a clear error, and the next call runs on its replacement", async () => {
    const [thread] = oneWorker.threads;
    const dying = run("async () => { mcp.log('info', 'running'); await new Promise(() => {}) }", {
      // A message the worker cannot read: it dies of an uncaught exception, as a bug in it would.
      // (Not worker.terminate(): isolated-vm may hold a terminating worker's thread until the
      // isolate's pending promise settles, which here is never.)
      onMcpEvent: () => thread.postMessage(null),
    });
    expect(await dying).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: expect.stringMatching(/^The handler did not finish: the sandbox worker failed \(.+\)\. Try again\.$/),
    });
    expect(await run(LEAVE_STATE)).toMatchObject({ ok: true, output: NOTHING_SEEN });
    expect(oneWorker.threads).toHaveLength(1);
    expect(oneWorker.threads[0]).not.toBe(thread);
  });

  it("spreads calls over the workers and runs them at once", async () => {
    const controller = new AbortController();
    let started = 0;
    let allStarted: () => void;
    const running = new Promise<void>((resolve) => {
      allStarted = resolve;
    });
    const calls = Array.from({ length: 4 }, (_, index) =>
      run(`async () => { mcp.log("info", "started"); await new Promise(() => {}); return ${index} }`, {
        pool: twoWorkers,
        signal: controller.signal,
        onMcpEvent: () => {
          if (++started === 4) allStarted();
        },
      }),
    );
    await running;
    expect(twoWorkers.threads).toHaveLength(2);
    expect(twoWorkers.load).toEqual([2, 2]);
    controller.abort();
    const results = await Promise.all(calls);
    expect(results.every((result) => !result.ok && result.errorType === "cancelled")).toBe(true);
    const answered = await Promise.all(Array.from({ length: 8 }, (_, index) => run(`async () => ${index} * 2`, { pool: twoWorkers })));
    expect(answered.map((result) => result.ok && result.output)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(twoWorkers.load).toEqual([0, 0]);
  });
});
