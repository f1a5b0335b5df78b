import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("gives the same bytes whatever order the keys were inserted in", () => {
    const first = { name: "a", schema: { type: "object", properties: { x: {}, y: {} } } };
    const second = { schema: { properties: { y: {}, x: {} }, type: "object" }, name: "a" };
    expect(canonicalJson(first)).toBe(canonicalJson(second));
  });

  it("sorts by UTF-16 code units, like RFC 8785 (uppercase before lowercase, astral after BMP)", () => {
    expect(canonicalJson({ b: 0, a: 0, B: 0, "\u00e9": 0, "\ud83d\ude00": 0, "\uffff": 0, "": 0 })).toBe(
      '{"":0,"B":0,"a":0,"b":0,"\u00e9":0,"\ud83d\ude00":0,"\uffff":0}',
    );
  });

  it("keeps array order and escapes strings as JSON does", () => {
    expect(canonicalJson(["b", "a", 'quote " and \\ and \n newline', "\u2028"])).toBe(
      '["b","a","quote \\" and \\\\ and \\n newline","\u2028"]',
    );
  });

  it("writes numbers as JSON.stringify does (no trailing zeros, -0 as 0, exponents)", () => {
    expect(canonicalJson([1.5, 10, -0, 1e21, 0.000001, 1e-7])).toBe("[1.5,10,0,1e+21,0.000001,1e-7]");
  });

  it("writes scalars at the top level", () => {
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
    expect(canonicalJson(false)).toBe("false");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([])).toBe("[]");
  });

  it("drops undefined object members, as JSON.stringify does", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("refuses values JSON cannot represent faithfully, naming where they are", () => {
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow("$.a[1] is undefined");
    expect(() => canonicalJson({ n: Number.NaN })).toThrow("$.n is NaN");
    expect(() => canonicalJson({ n: Infinity })).toThrow("$.n is Infinity");
    expect(() => canonicalJson({ at: new Date(0) })).toThrow("$.at is an instance of Date");
    expect(() => canonicalJson({ f: () => 1 })).toThrow("$.f is a function");
    expect(() => canonicalJson(10n)).toThrow("$ is a bigint");
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it("round-trips: parsing canonical output and serializing again gives the same bytes", () => {
    const text = canonicalJson({ z: [{ b: "é", a: 1 }], a: { nested: { k: -1.25 } } });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});
