// What a hostile handler must not get past: WebAssembly memory outside the limit, giant thrown
// errors, fetch storms buffered on the host, and more isolates than the process allows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolateSlots } from "./isolate-slots";
import { MAX_ERROR_MESSAGE_CHARS } from "./limits";
import { runHandler, type RunHandlerOptions } from "./index";

const env = { secrets: {}, organizationId: "org-a", projectId: "p", environment: "draft" as const, locale: "en" };
const run = (code: string, options: Partial<RunHandlerOptions> = {}) =>
  runHandler({ code, props: {}, env, allowedDomains: [], limits: { timeoutMs: 10_000 }, ...options });

describe("WebAssembly", () => {
  it("is not available to handlers, so its memory cannot escape the limit", async () => {
    expect(await run("async () => typeof WebAssembly")).toMatchObject({ ok: true, output: "undefined" });
    const grab = await run(
      "async () => { const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); memory.grow(32000); return memory.buffer.byteLength }",
      {
        limits: { memoryMb: 16, timeoutMs: 10_000 },
      },
    );
    expect(grab).toMatchObject({ ok: false, errorType: "runtime", message: "ReferenceError: WebAssembly is not defined" });
  });
});

describe("thrown errors", () => {
  it("are cut inside the isolate, message and stack", async () => {
    const result = await run("async () => { const error = new Error('x'.repeat(20_000_000)); throw error }", {
      limits: { memoryMb: 128, timeoutMs: 20_000 },
    });
    expect(result).toMatchObject({ ok: false, errorType: "runtime" });
    if (result.ok) return;
    expect(result.message.length).toBeLessThan(MAX_ERROR_MESSAGE_CHARS + 100);
    expect(result.message).toMatch(/… \[truncated: longer than 8192 characters\]$/);
    expect(result.logs.every((entry) => entry.message.length < 20_000)).toBe(true);
  });

  it("are cut when a non-Error value is thrown, and when the handler throws while being defined", async () => {
    const thrown = await run("async () => { throw 'y'.repeat(20_000_000) }", { limits: { memoryMb: 128, timeoutMs: 20_000 } });
    expect(thrown).toMatchObject({ ok: false, message: expect.stringMatching(/^Uncaught y{100}.*truncated/) });
    const defining = await run("(() => { throw new Error('z'.repeat(20_000_000)) })()", { limits: { memoryMb: 128, timeoutMs: 20_000 } });
    expect(defining).toMatchObject({ ok: false, errorType: "runtime", message: expect.stringMatching(/^z{100}.*truncated/) });
    expect(JSON.stringify(defining).length).toBeLessThan(MAX_ERROR_MESSAGE_CHARS * 3);
  });
});

describe("fetch storms", () => {
  let server: Server;
  let host: string;
  let inFlight = 0;
  let peak = 0;

  beforeAll(async () => {
    // `/?mb=N`: answered after a moment. `/held`: 3 MB, then nothing more until the test ends,
    // so the host holds every partial body at once and none reaches the isolate.
    server = createServer((request, response) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const finish = (body: string) => {
        response.end(body);
        inFlight--;
      };
      if (request.url === "/held") {
        response.write("h".repeat(3 * 1024 * 1024));
        return;
      }
      const size = Number(new URL(request.url ?? "/", "http://x").searchParams.get("mb") ?? "0") * 1024 * 1024;
      setTimeout(() => finish("x".repeat(size)), 30);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const fetchOptions = () => ({
    allowedDomains: [host],
    network: { allowPrivateNetworks: ["127.0.0.1/32"] },
    props: { base: `http://${host}` },
  });

  it("runs at most 6 requests of one call at once; the rest wait their turn", async () => {
    peak = 0;
    const result = await run(
      "async (props) => (await Promise.all(Array.from({ length: 40 }, () => fetch(props.base + '/?mb=0').then((r) => r.status)))).length",
      fetchOptions(),
    );
    expect(result).toMatchObject({ ok: true, output: 40 });
    expect(peak).toBe(6);
  });

  it("counts response bytes held on the host against the tool's memory limit", async () => {
    const result = await run(
      "async (props) => { await Promise.all(Array.from({ length: 6 }, () => fetch(props.base + '/held'))); return 'all buffered' }",
      { ...fetchOptions(), limits: { memoryMb: 16, timeoutMs: 20_000 } },
    );
    expect(result).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: expect.stringContaining("exceed this tool's memory limit of 16 MB"),
    });
  });
});

describe("isolates across the process", () => {
  it("refuses a call with a clear error when every slot is taken and the queue is full", async () => {
    const slots = createIsolateSlots({ maxConcurrent: 1, maxQueued: 0 });
    const busy = run("async () => { const end = Date.now() + 300; while (Date.now() < end) {} return 'done' }", { slots });
    const refused = await run("async () => 'never runs'", { slots });
    expect(refused).toMatchObject({ ok: false, errorType: "busy", message: expect.stringContaining("The server is busy") });
    expect(await busy).toMatchObject({ ok: true, output: "done" });
    expect(slots.running).toBe(0);
  });

  it("keeps half the slots free of any one organization, so its flood does not block the others", async () => {
    const slots = createIsolateSlots({ maxConcurrent: 2, maxQueued: 10 });
    const spin = (organizationId: string) =>
      runHandler({
        code: "async () => { while (true) {} }",
        props: {},
        env: { ...env, organizationId },
        allowedDomains: [],
        limits: { timeoutMs: 1_500 },
        slots,
      });
    const flood = [spin("org-a"), spin("org-a"), spin("org-a")];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slots.running).toBe(1);
    expect(slots.queued).toBe(2);
    const other = await runHandler({
      code: "async () => 'answered'",
      props: {},
      env: { ...env, organizationId: "org-b" },
      allowedDomains: [],
      slots,
    });
    expect(other).toMatchObject({ ok: true, output: "answered" });
    // The first spins to its limit; the queued ones may wait no longer than their own limit.
    const [first, ...queued] = await Promise.all(flood);
    expect(first).toMatchObject({ ok: false, errorType: "timeout" });
    expect(queued.every((result) => !result.ok)).toBe(true);
  });
});
