// A call the caller cancels (its AbortSignal) stops like a timed-out one: fetches aborted,
// isolate disposed, logs so far kept, and the result says `cancelled`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolateSlots } from "./isolate-slots";
import { type RunHandlerOptions, runHandler } from "./index";

const env = { secrets: {}, organizationId: "org-a", projectId: "p", environment: "draft" as const, locale: "en" };
const run = (code: string, options: Partial<RunHandlerOptions> = {}) =>
  runHandler({ code, props: {}, env, allowedDomains: [], limits: { timeoutMs: 60_000 }, ...options });

/** Aborts `controller` once the handler calls `mcp.log` (outside the isolate's call into the host). */
const abortOnFirstLog = (controller: AbortController) => () => {
  setImmediate(() => controller.abort());
};

describe("runHandler with a signal", () => {
  it("refuses at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await run("async () => 'never runs'", { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, errorType: "cancelled", message: "Cancelled by the client", logs: [] });
  });

  it("stops a handler spinning in a loop, keeping the logs written so far", async () => {
    const controller = new AbortController();
    const result = await run("async () => { console.log('before'); mcp.log('info', 'spinning'); while (true) {} }", {
      signal: controller.signal,
      onMcpEvent: abortOnFirstLog(controller),
    });
    expect(result).toMatchObject({ ok: false, errorType: "cancelled", message: "Cancelled by the client" });
    expect(result.logs.map((entry) => entry.message)).toEqual(["before", "[info] spinning"]);
  });

  it("stops a handler waiting on a promise that never settles", async () => {
    const controller = new AbortController();
    const result = await run("async () => { mcp.log('info', 'waiting'); await new Promise(() => {}) }", {
      signal: controller.signal,
      onMcpEvent: abortOnFirstLog(controller),
    });
    expect(result).toMatchObject({ ok: false, errorType: "cancelled" });
  });

  it("answers a call that finished before the signal aborted as usual", async () => {
    const controller = new AbortController();
    const result = await run("async () => 'done'", { signal: controller.signal });
    controller.abort();
    expect(result).toMatchObject({ ok: true, output: "done" });
  });

  it("stops waiting for a handler slot, leaving the queue", async () => {
    const slots = createIsolateSlots({ maxConcurrent: 1, maxQueued: 5 });
    const holder = new AbortController();
    const holding = run("async () => { mcp.log('info', 'holding'); await new Promise(() => {}) }", {
      slots,
      signal: holder.signal,
      onMcpEvent: () => {
        // Holds the only slot until the queued call below has been cancelled.
        queued.abort();
      },
    });
    const queued = new AbortController();
    const waiting = run("async () => 'never runs'", { slots, signal: queued.signal });
    expect(await waiting).toMatchObject({ ok: false, errorType: "cancelled", logs: [] });
    expect(slots.queued).toBe(0);
    holder.abort();
    expect(await holding).toMatchObject({ ok: false, errorType: "cancelled" });
    expect(slots.running).toBe(0);
  });

  describe("with a fetch in flight", () => {
    let server: Server;
    let host: string;
    let closed: Promise<void>;

    beforeAll(async () => {
      let markClosed: () => void;
      closed = new Promise((resolve) => {
        markClosed = resolve;
      });
      // Never answers; records when the sandbox gives up on the request.
      server = createServer((request) => {
        request.socket.once("close", () => markClosed());
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it("aborts the request and answers cancelled", async () => {
      const controller = new AbortController();
      server.once("request", () => controller.abort());
      const result = await run("async (props) => { await fetch(props.url); return 'answered' }", {
        props: { url: `http://${host}/slow` },
        allowedDomains: [host],
        network: { allowPrivateNetworks: ["127.0.0.1/32"] },
        signal: controller.signal,
      });
      expect(result).toMatchObject({ ok: false, errorType: "cancelled" });
      await closed;
    });
  });
});
