import { describe, expect, it } from "vitest";
import { runHandler } from "./index";

const env = { secrets: {}, organizationId: "o", projectId: "p", environment: "draft" as const, locale: "en" };
const run = (code: string) => runHandler({ code, props: {}, env, allowedDomains: [] });

describe("runHandler isolation", () => {
  it("exposes no Node globals", async () => {
    const result = await run(`async function () {
      const attempt = (fn) => { try { return typeof fn() } catch (error) { return "throws: " + error.name } };
      return {
        require: typeof require,
        process: typeof process,
        module: typeof module,
        globalProcess: typeof globalThis.process,
        buffer: typeof Buffer,
        functionProcess: attempt(() => Function("return process")()),
        constructorProcess: attempt(() => this.constructor.constructor("return process")()),
        fetchConstructorProcess: attempt(() => fetch.constructor.constructor("return process")()),
        consoleConstructorProcess: attempt(() => console.log.constructor("return process")()),
        importMeta: attempt(() => eval("import.meta")),
      };
    }`);
    expect(result).toMatchObject({
      ok: true,
      output: {
        require: "undefined",
        process: "undefined",
        module: "undefined",
        globalProcess: "undefined",
        buffer: "undefined",
        functionProcess: "throws: ReferenceError",
        constructorProcess: "throws: ReferenceError",
        fetchConstructorProcess: "throws: ReferenceError",
        consoleConstructorProcess: "throws: ReferenceError",
        importMeta: "throws: SyntaxError",
      },
    });
  });

  it("gives the handler the isolate's own global with only the sandbox helpers added", async () => {
    const result = await run(`async () => {
      const builtins = new Set(Object.getOwnPropertyNames(Function("return this")()));
      return {
        sameGlobal: globalThis === Function("return this")(),
        helpers: ["console", "fetch", "mcp"].filter((name) => builtins.has(name)),
        leaked: ["runHandler", "hostLog", "hostFetch", "$0", "$2", "$3"].filter((name) => builtins.has(name)),
      };
    }`);
    expect(result).toMatchObject({ ok: true, output: { sameGlobal: true, helpers: ["console", "fetch", "mcp"], leaked: [] } });
  });

  it("hides the runner's closure arguments from the handler", async () => {
    const result = await run("async () => [typeof $0, typeof $2, typeof $3, typeof arguments[2]]");
    expect(result).toMatchObject({ ok: true, output: ["undefined", "undefined", "undefined", "undefined"] });
  });

  it("starts every call with a fresh global", async () => {
    await run("async () => { globalThis.leftover = 'from the last call' }");
    expect(await run("async () => typeof leftover")).toMatchObject({ output: "undefined" });
  });
});
