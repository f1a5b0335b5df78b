import { describe, expect, it } from "vitest";
import { compareJson, errorCode, evaluateExpectations } from "./evaluate-expectations";

const success = (structuredContent: unknown, text = JSON.stringify(structuredContent)) => ({
  result: { structuredContent, content: [{ type: "text", text }] },
  protocolError: null,
  durationMs: 12,
});

describe("compareJson", () => {
  it("contains: extra keys and trailing array items are fine, missing or different ones are named by path", () => {
    expect(compareJson({ a: 1, list: [1, { b: 2 }] }, { a: 1, z: 0, list: [1, { b: 2, c: 3 }, 4] }, "", "contains")).toEqual([]);
    expect(compareJson({ list: [1, 2] }, { list: [1] }, "", "contains")).toEqual([
      "/list: expected 2 items, got 1",
      "/list/1: expected a number (2), got nothing",
    ]);
    expect(compareJson({ "a/b": null }, { "a/b": 0 }, "", "contains")).toEqual(["/a~1b: expected null (null), got a number (0)"]);
  });

  it("equals: extra keys and items are differences too; key order is not", () => {
    expect(compareJson({ a: 1, b: 2 }, { b: 2, a: 1 }, "", "equals")).toEqual([]);
    expect(compareJson({ a: 1 }, { a: 1, b: 2 }, "", "equals")).toEqual(["/b: unexpected a number (2)"]);
    expect(compareJson([1], [1, 2], "", "equals")).toEqual(["/: expected 1 items, got 2"]);
  });
});

describe("evaluateExpectations", () => {
  it("reads the error code from structuredContent, from JSON text, or a JSON-RPC error", () => {
    const textOnly = {
      result: { isError: true, content: [{ type: "text", text: '{"error":{"code":"timeout","message":"slow"}}' }] },
      protocolError: null,
      durationMs: 1,
    };
    expect(errorCode(textOnly)).toBe("timeout");
    expect(errorCode({ result: null, protocolError: { code: -32602, message: "Unknown tool" }, durationMs: 1 })).toBe("-32602");
    expect(errorCode(success({ ok: true }))).toBeNull();
  });

  it("text matches with flags, and a global regex does not carry state between blocks", () => {
    const outcome = {
      result: {
        content: [
          { type: "text", text: "Rain" },
          { type: "text", text: "rain later" },
        ],
      },
      protocolError: null,
      durationMs: 1,
    };
    const [verdict] = evaluateExpectations([{ kind: "textMatches", pattern: "^rain", flags: "gi" }], outcome);
    expect(verdict.passed).toBe(true);
  });

  it("structuredEquals on a missing structuredContent fails with what was expected", () => {
    const [verdict] = evaluateExpectations([{ kind: "structuredEquals", value: { a: 1 } }], {
      result: { content: [] },
      protocolError: null,
      durationMs: 1,
    });
    expect(verdict).toMatchObject({ passed: false, actual: null });
    expect(verdict.diff).toContain("/: expected an object");
  });
});
