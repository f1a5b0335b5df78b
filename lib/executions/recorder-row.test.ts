import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ToolCallRecord } from "@/lib/mcp/types";
import { executionRow, MAX_STORED_JSON_BYTES, MAX_STORED_JSON_DEPTH, MAX_STORED_LOG_CHARS, type ExecutionSource } from "./recorder-row";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const source: ExecutionSource = {
  projectId: "p1",
  organizationId: "o1",
  environment: "production",
  packageVersion: "1.2.0",
  caller: { kind: "production_token", tokenId: "tok1", name: "CI runner" },
  clientIp: "203.0.113.7",
};
const base: ToolCallRecord = {
  toolName: "quote",
  toolId: "tool1",
  environment: "production",
  status: "success",
  durationMs: 12.4,
  logs: [{ level: "log", message: "hello", at: 1 }],
  arguments: { b: 2, a: [1, { d: 4, c: 3 }] },
  startedAt: new Date("2026-11-20T10:00:00.000Z"),
  output: { structuredContent: { ok: true }, content: [{ type: "text", text: '{"ok":true}' }] },
  client: { name: "claude-ai", version: "0.1.0" },
};

describe("executionRow", () => {
  it("has every field of SPEC §9, hashes over the canonical JSON (sorted keys, no spaces)", () => {
    const row = executionRow(source, base, new Map());
    expect(row).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organizationId: "o1",
      projectId: "p1",
      toolName: "quote",
      environment: "PRODUCTION",
      packageVersion: "1.2.0",
      status: "SUCCESS",
      errorType: null,
      errorCode: null,
      durationMs: 12,
      inputSha256: sha256('{"a":[1,{"c":3,"d":4}],"b":2}'),
      outputSha256: sha256('{"content":[{"text":"{\\"ok\\":true}","type":"text"}],"structuredContent":{"ok":true}}'),
      input: { a: [1, { c: 3, d: 4 }], b: 2 },
      output: base.output,
      logs: [{ level: "log", message: "hello", at: 1 }],
      clientName: "claude-ai",
      clientVersion: "0.1.0",
      callerKind: "production_token",
      callerId: "tok1",
      callerLabel: "CI runner",
      ip: "203.0.113.7",
      createdAt: new Date("2026-11-20T10:00:00.000Z"),
    });
  });

  it("records a call that never ran (rate limited) with no output and no output hash", () => {
    const row = executionRow(
      { ...source, caller: { kind: "anonymous" } },
      {
        ...base,
        status: "error",
        errorType: "rate_limited",
        errorCode: "anonymous_calls_per_hour",
        output: undefined,
        logs: [],
        client: null,
      },
      new Map(),
    );
    expect(row).toMatchObject({
      status: "ERROR",
      errorType: "rate_limited",
      errorCode: "anonymous_calls_per_hour",
      outputSha256: null,
      clientName: null,
      callerKind: "anonymous",
      callerId: null,
      callerLabel: "anonymous",
    });
    expect(row).not.toHaveProperty("output");
  });

  it("keeps input and output up to 64 KB; beyond, a marker with the size and a preview, while the hash covers the whole value", () => {
    const big = { text: "é".repeat(MAX_STORED_JSON_BYTES) };
    const canonical = JSON.stringify(big);
    const row = executionRow(source, { ...base, arguments: big }, new Map());
    expect(row.inputSha256).toBe(sha256(canonical));
    const stored = row.input as { $truncated: boolean; bytes: number; preview: string };
    expect(stored.$truncated).toBe(true);
    expect(stored.bytes).toBe(Buffer.byteLength(canonical));
    expect(Buffer.byteLength(stored.preview)).toBeLessThanOrEqual(MAX_STORED_JSON_BYTES);
    expect(canonical.startsWith(stored.preview)).toBe(true);
    expect(stored.preview.length).toBeGreaterThan(MAX_STORED_JSON_BYTES / 2 - 10);
  });

  it("stores U+0000 (which PostgreSQL refuses) as U+FFFD, and hashes the value as it was", () => {
    const args = { "k\u0000": "a\u0000b", escaped: "\\u0000 stays text" };
    const row = executionRow(
      source,
      { ...base, toolName: "t\u0000", arguments: args, logs: [{ level: "log", message: "x\u0000", at: 0 }] },
      new Map(),
    );
    expect(row.input).toEqual({ "k\ufffd": "a\ufffdb", escaped: "\\u0000 stays text" });
    expect(row.inputSha256).toBe(sha256(JSON.stringify({ escaped: "\\u0000 stays text", "k\u0000": "a\u0000b" })));
    expect(row.toolName).toBe("t\ufffd");
    expect(row.logs).toEqual([{ level: "log", message: "x\ufffd", at: 0 }]);
  });

  it("stores lone UTF-16 surrogates (which PostgreSQL refuses) as U+FFFD everywhere, keeps valid pairs, hashes the original", () => {
    const lone = "high\ud800 low\udc00 pair😀";
    const row = executionRow(
      source,
      {
        ...base,
        toolName: `quote\ud800`,
        arguments: { "key\udfff": lone, list: ["\ud83d"] },
        output: { text: lone },
        logs: [{ level: "log", message: lone, at: 1 }],
        client: { name: "host\udc00", version: "1\ud800" },
      },
      new Map(),
    );
    const clean = "high\ufffd low\ufffd pair😀";
    expect(row.input).toEqual({ "key\ufffd": clean, list: ["\ufffd"] });
    expect(row.output).toEqual({ text: clean });
    expect(row.logs).toEqual([{ level: "log", message: clean, at: 1 }]);
    expect([row.toolName, row.clientName, row.clientVersion]).toEqual(["quote\ufffd", "host\ufffd", "1\ufffd"]);
    expect(row.inputSha256).toBe(sha256(JSON.stringify({ "key\udfff": lone, list: ["\ud83d"] })));
    // What the recorder sends to the database has no escape PostgreSQL refuses.
    expect(JSON.stringify(row)).not.toMatch(/\\u(d[89a-f]|0000)/i);
  });

  it("stores arguments nested deeper than the cap as a marker with a shallow preview, without overflowing", () => {
    let deep: unknown = "bottom";
    for (let level = 0; level < 100_000; level++) deep = { next: deep };
    const row = executionRow(source, { ...base, arguments: deep as Record<string, unknown> }, new Map());
    expect(row.input).toMatchObject({
      $truncated: true,
      reason: `nested deeper than ${MAX_STORED_JSON_DEPTH} levels`,
      preview: expect.stringContaining('{"next":{"next":'),
    });
    expect(row.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    let shallowEnough: unknown = 1;
    for (let level = 0; level < MAX_STORED_JSON_DEPTH; level++) shallowEnough = [shallowEnough];
    expect(executionRow(source, { ...base, arguments: { value: shallowEnough } }, new Map()).input).toMatchObject({ $truncated: true });
    expect(executionRow(source, { ...base, arguments: { value: (shallowEnough as unknown[])[0] } }, new Map()).input).toEqual({
      value: (shallowEnough as unknown[])[0],
    });
  });

  it("keeps console output up to its cap, then says how many entries were left out", () => {
    const logs = Array.from({ length: 20 }, (_, index) => ({ level: "log" as const, message: "x".repeat(8 * 1024), at: index }));
    const stored = executionRow(source, { ...base, logs }, new Map()).logs as Array<{ message: string }>;
    expect(stored).toHaveLength(MAX_STORED_LOG_CHARS / (8 * 1024) + 1);
    expect(stored.at(-1)?.message).toBe("[12 more console entries not kept in the execution record]");
  });

  it("labels callers: draft token, OAuth client for its user", () => {
    const draft = executionRow({ ...source, environment: "draft", packageVersion: null, caller: { kind: "draft_token" } }, base, new Map());
    expect(draft).toMatchObject({
      environment: "DRAFT",
      packageVersion: null,
      callerKind: "draft_token",
      callerId: null,
      callerLabel: "Draft token",
    });
    const oauth = executionRow(
      { ...source, caller: { kind: "oauth", grantId: "g1", userId: "u1", clientName: "ChatGPT" } },
      base,
      new Map([["u1", "ada@example.test"]]),
    );
    expect(oauth).toMatchObject({ callerKind: "oauth", callerId: "g1", callerLabel: "ChatGPT for ada@example.test" });
  });
});
