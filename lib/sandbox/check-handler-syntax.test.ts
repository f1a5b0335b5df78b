import { describe, expect, it } from "vitest";
import { checkHandlerSyntax } from "./check-handler-syntax";

const notAFunction = "The handler must be a function expression like `async (props, env) => { … }`";

describe("checkHandlerSyntax", () => {
  it("accepts arrow and function expressions", () => {
    expect(checkHandlerSyntax("async (props, env) => {\n  return props.a + 1; // done\n}")).toEqual({ ok: true });
    expect(checkHandlerSyntax("async function (props, env) { return env.locale }")).toEqual({ ok: true });
    expect(checkHandlerSyntax("(props) => props")).toEqual({ ok: true });
  });

  it("reports the position of a syntax error in the user's code", () => {
    expect(checkHandlerSyntax("async (props) => {\n  const x = ;\n}")).toEqual({
      ok: false,
      message: "Unexpected token",
      line: 2,
      column: 13,
    });
  });

  it("points at the end of code that stops early", () => {
    const result = checkHandlerSyntax("async (p) => { return p.");
    expect(result).toMatchObject({ ok: false, line: 1, column: 25 });
  });

  it("refuses code that is not a single function expression", () => {
    expect(checkHandlerSyntax("console.log(1)")).toEqual({ ok: false, message: notAFunction, line: 1, column: 1 });
    expect(checkHandlerSyntax("async () => 1), (2")).toMatchObject({ ok: false, message: notAFunction });
    expect(checkHandlerSyntax("")).toMatchObject({ ok: false });
  });

  it("rejects syntax newer than ES2022", () => {
    expect(checkHandlerSyntax("async () => { using x = y; }")).toMatchObject({ ok: false });
  });

  it("never runs the code", () => {
    expect(checkHandlerSyntax("(() => { throw new Error('ran') })()")).toMatchObject({ ok: false, message: notAFunction });
  });
});
