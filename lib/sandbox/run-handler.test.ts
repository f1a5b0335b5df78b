import { describe, expect, it } from "vitest";
import { runHandler, type SandboxEnv } from "./index";

const env: SandboxEnv = {
  secrets: { API_KEY: "sk-live-0123456789" },
  organizationId: "org_1",
  projectId: "proj_1",
  environment: "draft",
  locale: "fr-FR",
};
const run = (code: string, props: unknown = {}) => runHandler({ code, props, env, allowedDomains: [] });

describe("runHandler", () => {
  it("returns the output of a pure handler", async () => {
    const result = await run("async (props) => ({ sum: props.a + props.b })", { a: 2, b: 3 });
    expect(result).toMatchObject({ ok: true, output: { sum: 5 }, logs: [] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("accepts a classic async function expression", async () => {
    expect(await run("async function (props, env) { return env.locale }")).toMatchObject({ output: "fr-FR" });
  });

  it("passes the env fields to the handler", async () => {
    const result = await run("async (props, env) => ({ ...env, secrets: Object.keys(env.secrets) })");
    expect(result).toMatchObject({
      ok: true,
      output: { organizationId: "org_1", projectId: "proj_1", environment: "draft", locale: "fr-FR", secrets: ["API_KEY"] },
    });
  });

  it("copies props, so the handler cannot change the caller's object", async () => {
    const props = { list: [1, 2], nested: { name: "a" } };
    const result = await run("async (props) => { props.list.push(3); props.nested.name = 'b'; return props }", props);
    expect(result).toMatchObject({ ok: true, output: { list: [1, 2, 3], nested: { name: "b" } } });
    expect(props).toEqual({ list: [1, 2], nested: { name: "a" } });
  });

  it("returns null for undefined and serialises like JSON", async () => {
    expect(await run("async () => {}")).toMatchObject({ ok: true, output: null });
    expect(await run("async () => ({ at: new Date(0), skip: undefined })")).toMatchObject({
      output: { at: "1970-01-01T00:00:00.000Z" },
    });
  });

  it("captures console output with its level", async () => {
    const result = await run(`async () => {
      console.log("plain", 1, { a: [1] }); console.info("info"); console.warn("warn");
      console.error(new Error("bad")); console.debug(undefined, null, 2n);
    }`);
    expect(result.logs.map(({ level, message }) => [level, message.split("\n")[0]])).toEqual([
      ["log", 'plain 1 {"a":[1]}'],
      ["info", "info"],
      ["warn", "warn"],
      ["error", "Error: bad"],
      ["debug", "undefined null 2n"],
    ]);
    expect(result.logs.every((entry) => typeof entry.at === "number")).toBe(true);
  });

  it("caps the number and size of log entries", async () => {
    const result = await run("async () => { for (let i = 0; i < 1000; i++) console.log(i); console.log('x'.repeat(20000)) }");
    expect(result.logs).toHaveLength(201);
    expect(result.logs[199].message).toBe("199");
    expect(result.logs[200]).toMatchObject({ level: "warn", message: expect.stringContaining("log limit reached") });

    const long = await run("async () => { console.log('x'.repeat(100000)) }");
    expect(long.logs[0].message).toMatch(/^x{8192}… \[truncated/);
  });

  it("reports a thrown error as a runtime error with its message", async () => {
    const result = await run("async (props) => {\n  throw new Error('Upstream said no');\n}");
    expect(result).toMatchObject({ ok: false, errorType: "runtime", message: "Upstream said no" });
    expect(result.logs.at(-1)?.message).toBe("Uncaught Error: Upstream said no\n    at handler.js:2:9");
    expect(await run("async () => { throw 'plain string' }")).toMatchObject({ message: "Uncaught plain string" });
    expect(await run("async () => null.x")).toMatchObject({ message: expect.stringMatching(/^TypeError: Cannot read/) });
  });

  it("fails the call on an unhandled promise rejection, as Node does by default", async () => {
    const result = await run("async () => { Promise.reject(new Error('forgotten')); await null; return 1 }");
    expect(result).toMatchObject({ ok: false, errorType: "runtime", message: "forgotten" });
  });

  it("refuses return values that are not JSON-serialisable", async () => {
    expect(await run("async () => () => 1")).toMatchObject({
      errorType: "runtime",
      message: "The handler returned a function; return JSON-serialisable data instead",
    });
    expect(await run("async () => Symbol('s')")).toMatchObject({ errorType: "runtime", message: expect.stringContaining("symbol") });
    expect(await run("async () => { const a = {}; a.a = a; return a }")).toMatchObject({
      errorType: "runtime",
      message: expect.stringContaining("not JSON-serialisable"),
    });
  });

  it("refuses output over 1 MB", async () => {
    const result = await run("async () => 'x'.repeat(2 * 1024 * 1024)");
    expect(result).toMatchObject({ ok: false, errorType: "output_too_large" });
    // Multi-byte characters count by their UTF-8 size.
    expect(await run("async () => 'é'.repeat(600 * 1024)")).toMatchObject({ errorType: "output_too_large" });
  });

  it("refuses code that is not a function", async () => {
    expect(await run("42")).toMatchObject({ errorType: "runtime", message: expect.stringContaining("function expression") });
  });
});

describe("runHandler secrets", () => {
  it("lets the handler read secrets", async () => {
    expect(await run("async (props, env) => env.secrets.API_KEY.length")).toMatchObject({ ok: true, output: 18 });
  });

  it("redacts secret values from logs and error messages", async () => {
    const logged = await run(
      "async (props, env) => { console.log('key:', env.secrets.API_KEY); console.log({ key: env.secrets.API_KEY }) }",
    );
    expect(logged.logs.map((entry) => entry.message)).toEqual(["key: [redacted]", '{"key":"[redacted]"}']);

    const thrown = await run("async (props, env) => { throw new Error('bad key ' + env.secrets.API_KEY) }");
    expect(thrown).toMatchObject({ ok: false, errorType: "runtime", message: "bad key [redacted]" });
    expect(JSON.stringify(thrown)).not.toContain(env.secrets.API_KEY);
  });

  it("redacts a secret cut in half by the size cap on log messages", async () => {
    // Redacting 655 copies of a 100-character secret shrinks the message enough that the
    // fragment where the isolate cut it would land inside the 8 KB kept for the log.
    const secret = "s3cr3t-".padEnd(100, "0123456789");
    const result = await runHandler({
      code: "async (props, env) => { console.log(env.secrets.LONG.repeat(656)) }",
      props: {},
      env: { ...env, secrets: { LONG: secret } },
      allowedDomains: [],
    });
    expect(result.logs[0].message).toContain("[redacted]");
    expect(result.logs[0].message).not.toContain("s3cr3t");
  });
});
