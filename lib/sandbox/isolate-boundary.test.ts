// The isolate's border (isolate-globals.ts, ISOLATE_BOUNDARY_SOURCE): whatever a handler sends
// out is copied into the sandbox worker's heap, which every call on that worker shares, so its
// size is bounded in the isolate even when the handler has replaced the built-ins the prelude uses.
import { afterAll, describe, expect, it } from "vitest";
import { runHandler } from "./index";
import { MAX_FETCH_HEADER_CHARS, MAX_FETCH_HEADERS, MAX_FETCH_METHOD_CHARS, MAX_FETCH_URL_CHARS } from "./isolate-globals";
import { createIsolatePool } from "./isolate-pool";
import { createIsolateSlots } from "./isolate-slots";
import { buildIsolateSource, HANDLER_FILENAME, HANDLER_FIRST_LINE } from "./isolate-source";
import { MAX_CONCURRENT_FETCHES_PER_CALL, MAX_FETCH_BODY_BYTES, MAX_LOG_TRANSFER_CHARS } from "./limits";

const env = { secrets: {}, organizationId: "org-a", projectId: "p", environment: "draft" as const, locale: "en" };
const slots = createIsolateSlots({ maxConcurrent: 16, maxQueued: 16 });
const pool = createIsolatePool({ workers: 1, readyPerLimit: 1, defaultMemoryMb: 128 });

afterAll(async () => {
  await pool.terminate();
});

type LogHook = (level: string, message: string, cut: boolean, mcpEvent: string | undefined) => string | undefined;

function runInPool(
  code: string,
  limits: { memoryMb: number },
  log: LogHook,
  fetch: (url: unknown, init: unknown) => Promise<unknown> = async () => ({ ok: false, message: "no network here" }),
) {
  return pool.run(
    {
      source: buildIsolateSource(code),
      props: {},
      env,
      memoryMb: limits.memoryMb,
      timeoutMs: 30_000,
      filename: HANDLER_FILENAME,
      lineOffset: 1 - HANDLER_FIRST_LINE,
    },
    { log, fetch },
  ).reply;
}

describe("the isolate's border", () => {
  it("caps what console.log and mcp events send out even when the handler replaced slice, join and JSON.stringify", async () => {
    const code = `async () => {
      const huge = "x".repeat(20 * 1024 * 1024);
      String.prototype.slice = function () { return String(this); };
      Array.prototype.join = function () { return huge + huge; };
      JSON.stringify = () => huge;
      console.log("a");
      mcp.log("info", "b");
      mcp.progress(1, 2, "c");
      return "done";
    }`;
    const sent: Array<{ message: number; event: number }> = [];
    const reply = await runInPool(code, { memoryMb: 512 }, (_level, message, _cut, mcpEvent) => {
      sent.push({ message: message.length, event: mcpEvent?.length ?? 0 });
      return undefined;
    });
    // The result is encoded with the JSON.stringify captured before the handler ran.
    expect(reply).toMatchObject({ kind: "outcome", outcome: { kind: "output", json: '"done"' } });
    expect(sent).toHaveLength(3);
    for (const entry of sent) {
      expect(entry.message).toBeLessThanOrEqual(MAX_LOG_TRANSFER_CHARS);
      expect(entry.event).toBeLessThanOrEqual(2 * MAX_LOG_TRANSFER_CHARS + 1024);
    }
  });

  it("refuses an oversized fetch in the isolate: too long a body, URL, method or headers, too many headers, a body that is not text", async () => {
    const attempt = (call: string) =>
      runHandler({
        code: `async () => { try { await ${call}; return "sent"; } catch (error) { return error.message; } }`,
        props: {},
        env,
        allowedDomains: ["example.com"],
        limits: { timeoutMs: 30_000 },
        slots,
        pool,
      });
    expect(await attempt(`fetch("https://example.com/", { method: "POST", body: "x".repeat(6 * 1024 * 1024) })`)).toMatchObject({
      output: `fetch: the request body is longer than ${MAX_FETCH_BODY_BYTES} characters`,
    });
    expect(await attempt(`fetch("https://example.com/?q=" + "x".repeat(${MAX_FETCH_URL_CHARS}))`)).toMatchObject({
      output: `fetch: the URL is longer than ${MAX_FETCH_URL_CHARS} characters`,
    });
    expect(await attempt(`fetch("https://example.com/", { headers: { a: "x".repeat(70 * 1024) } })`)).toMatchObject({
      output: `fetch: the request headers are longer than ${MAX_FETCH_HEADER_CHARS} characters in all`,
    });
    expect(
      await attempt(
        `fetch("https://example.com/", { headers: Object.fromEntries(Array.from({ length: ${MAX_FETCH_HEADERS + 1} }, (_, i) => ["x-" + i, "1"])) })`,
      ),
    ).toMatchObject({ output: `fetch: more than ${MAX_FETCH_HEADERS} request headers` });
    expect(await attempt(`fetch("https://example.com/", { method: "P".repeat(${MAX_FETCH_METHOD_CHARS + 1}) })`)).toMatchObject({
      output: `fetch: the method is longer than ${MAX_FETCH_METHOD_CHARS} characters`,
    });
    expect(await attempt(`fetch("https://example.com/", { method: 1 })`)).toMatchObject({ output: "fetch `method` must be a string" });
    expect(await attempt(`fetch("https://example.com/", { method: "POST", body: { a: 1 } })`)).toMatchObject({
      output: "fetch `body` must be a string (use JSON.stringify for objects)",
    });
  });

  it(`lets at most ${MAX_CONCURRENT_FETCHES_PER_CALL} fetches of a call out of the isolate at once; the rest wait inside it`, async () => {
    let crossing = 0;
    let most = 0;
    let seen = 0;
    const code = `async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => fetch("https://example.com/" + index).then((response) => response.text())));
      return answers.length;
    }`;
    const reply = await runInPool(
      code,
      { memoryMb: 128 },
      () => undefined,
      async () => {
        crossing++;
        seen++;
        most = Math.max(most, crossing);
        // Held long enough for every fetch the isolate lets out to arrive.
        await new Promise((resolve) => setTimeout(resolve, 50));
        crossing--;
        return { ok: true, status: 200, statusText: "OK", url: "https://example.com/", headers: [], body: "x" };
      },
    );
    expect(reply).toMatchObject({ kind: "outcome", outcome: { kind: "output", json: "20" } });
    expect(seen).toBe(20);
    expect(most).toBe(MAX_CONCURRENT_FETCHES_PER_CALL);
  });

  it("still passes ordinary logs and mcp events through unchanged", async () => {
    const result = await runHandler({
      code: `async () => { console.log("hello", { a: 1 }); mcp.log("info", { step: 1 }); mcp.progress(1, 2, "half"); return "x".repeat(${MAX_LOG_TRANSFER_CHARS}).length; }`,
      props: {},
      env,
      allowedDomains: [],
      limits: { timeoutMs: 30_000 },
      slots,
      pool,
    });
    expect(result).toMatchObject({ ok: true, output: MAX_LOG_TRANSFER_CHARS });
    expect(result.logs.map((entry) => entry.message)).toEqual(['hello {"a":1}', '[info] {"step":1}', "[progress] 1/2 half"]);
  });

  it("still passes an ordinary fetch's method, headers and body through unchanged", async () => {
    const sent: unknown[] = [];
    const code = `async () => {
      const response = await fetch("https://example.com/items", { method: "POST", headers: { "Content-Type": "application/json", "X-Count": 3 }, body: '{"a":1}' });
      return response.status;
    }`;
    const reply = await runInPool(
      code,
      { memoryMb: 128 },
      () => undefined,
      async (url, init) => {
        sent.push(url, init);
        return { ok: true, status: 201, statusText: "Created", url: String(url), headers: [], body: "" };
      },
    );
    expect(reply).toMatchObject({ kind: "outcome", outcome: { kind: "output", json: "201" } });
    expect(sent).toEqual([
      "https://example.com/items",
      { method: "POST", headers: { "Content-Type": "application/json", "X-Count": "3" }, body: '{"a":1}' },
    ]);
  });
});
