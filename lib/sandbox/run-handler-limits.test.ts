import { beforeAll, describe, expect, it } from "vitest";
import { clampLimits } from "./limits";
import { runHandler, SANDBOX_LIMITS, type SandboxLimits } from "./index";

const env = { secrets: {}, organizationId: "o", projectId: "p", environment: "draft" as const, locale: "en" };
const run = (code: string, limits: Partial<SandboxLimits>) => runHandler({ code, props: {}, env, limits, allowedDomains: [] });

describe("runHandler limits", () => {
  // The sandbox's worker threads start with the first calls; these tests are about running ones.
  beforeAll(async () => {
    await Promise.all([run("async () => 1", {}), run("async () => 2", {})]);
  });

  it("stops an infinite loop without blocking the event loop or other calls", async () => {
    const startedAt = performance.now();
    const looping = run("async () => { while (true) {} }", { timeoutMs: 300 });
    const finished: string[] = [];
    void looping.then(() => finished.push("loop"));

    const hostTimerFiredAfter = await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - startedAt), 20));
    const other = await run("async (props, env) => env.locale", { timeoutMs: 5_000 });
    finished.push("other");

    expect(hostTimerFiredAfter).toBeLessThan(250);
    expect(other).toMatchObject({ ok: true, output: "en" });
    expect(finished).toEqual(["other"]);

    const result = await looping;
    expect(result).toMatchObject({ ok: false, errorType: "timeout", message: "Handler timed out after 300 ms" });
    expect(result.durationMs).toBeGreaterThanOrEqual(295);
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it("stops a handler waiting on a promise that never settles", async () => {
    const result = await run("async () => { await new Promise(() => {}) }", { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, errorType: "timeout", message: "Handler timed out after 200 ms" });
  });

  it("stops a loop that starts after an await", async () => {
    const result = await run("async () => { await null; for (;;) {} }", { timeoutMs: 150 });
    expect(result).toMatchObject({ errorType: "timeout", message: "Handler timed out after 150 ms" });
  });

  it("keeps the logs written before a timeout", async () => {
    // Generous: the limit also covers isolate start-up, which a busy machine can slow down.
    const result = await run("async () => { console.log('starting'); while (true) {} }", { timeoutMs: 500 });
    expect(result).toMatchObject({ errorType: "timeout", logs: [{ level: "log", message: "starting" }] });
  });

  it("stops a handler that grows arrays past its memory limit", async () => {
    const result = await run("async () => { const chunks = []; while (true) chunks.push(new Array(10000).fill(Math.random())) }", {
      memoryMb: 16,
      timeoutMs: 20_000,
    });
    expect(result).toMatchObject({ ok: false, errorType: "memory", message: "Handler exceeded its memory limit of 16 MB" });
  });

  it("stops a handler that grows strings past its memory limit", async () => {
    const result = await run("async () => { const parts = []; for (let i = 0; ; i++) parts.push('chunk ' + i + ' '.repeat(1000) + i) }", {
      memoryMb: 32,
      timeoutMs: 20_000,
    });
    expect(result).toMatchObject({ ok: false, errorType: "memory", message: "Handler exceeded its memory limit of 32 MB" });
  });

  it("clamps limits to the allowed bounds", () => {
    expect(clampLimits({})).toEqual({ timeoutMs: 60_000, memoryMb: 128 });
    expect(clampLimits({ timeoutMs: 1, memoryMb: 1 })).toEqual({ timeoutMs: 100, memoryMb: 16 });
    expect(clampLimits({ timeoutMs: 10 ** 9, memoryMb: 10 ** 6 })).toEqual({
      timeoutMs: SANDBOX_LIMITS.timeoutMs.max,
      memoryMb: SANDBOX_LIMITS.memoryMb.max,
    });
    expect(clampLimits({ timeoutMs: Number.NaN })).toMatchObject({ timeoutMs: 60_000 });
  });

  it("applies the clamped timeout", async () => {
    const result = await run("async () => { while (true) {} }", { timeoutMs: 5 });
    expect(result).toMatchObject({ errorType: "timeout", message: "Handler timed out after 100 ms" });
  });
});
