import { describe, expect, it } from "vitest";
import { lintHandler } from "./handler-lint";

describe("lintHandler", () => {
  it("reports a syntax error with its line and column", () => {
    expect(lintHandler("async (props) => {\n  return props.a +;\n}")).toEqual([
      expect.objectContaining({ line: 2, column: 19, severity: "error", message: "Unexpected token" }),
    ]);
  });

  it("warns about names declared nowhere", () => {
    const problems = lintHandler("async (props) => {\n  await setTimeout(1);\n  return lodash.get(props, 'a');\n}");
    expect(problems.map(({ line, column, endColumn, severity }) => ({ line, column, endColumn, severity }))).toEqual([
      { line: 2, column: 9, endColumn: 19, severity: "warning" },
      { line: 3, column: 10, endColumn: 16, severity: "warning" },
    ]);
    expect(problems[0].message).toContain("setTimeout is not defined");
  });

  it("accepts parameters, declarations, built-ins and the sandbox's globals", () => {
    const code = `async function handler(props, { secrets }) {
  const { city, ...rest } = props;
  let [first = 1] = [rest];
  class Point {}
  function helper(x) { return x; }
  try { JSON.parse("{"); } catch (error) { console.warn(error, first); }
  const response = await fetch("https://example.com/" + city, { headers: { key: secrets.KEY } });
  label: for (const item of []) { if (item) break label; }
  return mcp.result({ content: [mcp.text(String(new Point()) + helper(Math.max(1, 2)))], structuredContent: { city } });
}`;
    expect(lintHandler(code)).toEqual([]);
  });

  it("says nothing about an empty document", () => {
    expect(lintHandler("  \n")).toEqual([]);
  });
});
