import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHandler } from "./index";

type TestServer = { server: Server; host: string; connections: number };

async function startServer(listener: RequestListener): Promise<TestServer> {
  const server = createServer(listener);
  const state = { server, host: "", connections: 0 };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

let api: TestServer;
let blocked: TestServer;

beforeAll(async () => {
  blocked = await startServer((request, response) => response.end("should never be reached"));
  api = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const send = (status: number, headers: Record<string, string>, body = "") => response.writeHead(status, headers).end(body);
      if (request.url === "/json") return send(200, { "content-type": "application/json", "x-trace": "abc" }, '{"hello":"world"}');
      if (request.url === "/echo") {
        const { method, headers } = request;
        return send(
          201,
          { "content-type": "application/json" },
          JSON.stringify({ method, auth: headers.authorization, body: Buffer.concat(chunks).toString() }),
        );
      }
      if (request.url === "/hop") return send(302, { location: "/json" });
      if (request.url === "/loop") return send(302, { location: "/loop" });
      if (request.url === "/away") return send(307, { location: `http://${blocked.host}/stolen` });
      if (request.url === "/huge") return send(200, {}, "x".repeat(6 * 1024 * 1024));
      if (request.url === "/hang") return; // never answers
      send(404, {}, "not found");
    });
  });
});

afterAll(() => {
  for (const { server } of [api, blocked]) {
    server.closeAllConnections();
    server.close();
  }
});

const env = { secrets: { TOKEN: "tok-abcdef" }, organizationId: "o", projectId: "p", environment: "draft" as const, locale: "en" };
const run = (code: string, allowedDomains = [api.host], timeoutMs = 5_000) =>
  runHandler({
    code,
    props: { base: `http://${api.host}`, blocked: `http://${blocked.host}` },
    env,
    allowedDomains,
    limits: { timeoutMs },
    // The test servers listen on loopback, which handlers may only reach when the operator allows it.
    network: { allowPrivateNetworks: ["127.0.0.1/32"] },
  });

describe("fetch inside the sandbox", () => {
  it("reaches an allowed host and exposes a Response-like object", async () => {
    const result = await run(`async (props) => {
      const response = await fetch(props.base + "/json");
      return { ok: response.ok, status: response.status, url: response.url, trace: response.headers.get("X-Trace"),
        missing: response.headers.get("nope"), body: await response.json() };
    }`);
    expect(result).toMatchObject({
      ok: true,
      output: { ok: true, status: 200, url: `http://${api.host}/json`, trace: "abc", missing: null, body: { hello: "world" } },
    });
  });

  it("sends method, headers and a string body", async () => {
    const result = await run(`async (props, env) => {
      const response = await fetch(props.base + "/echo", {
        method: "POST", headers: { authorization: "Bearer " + env.secrets.TOKEN }, body: JSON.stringify({ a: 1 }),
      });
      return { status: response.status, echo: JSON.parse(await response.text()) };
    }`);
    expect(result).toMatchObject({
      output: { status: 201, echo: { method: "POST", auth: "Bearer tok-abcdef", body: '{"a":1}' } },
    });
  });

  it("follows redirects within the allowed domains", async () => {
    const result = await run("async (props) => { const r = await fetch(props.base + '/hop'); return [r.url, await r.json()] }");
    expect(result).toMatchObject({ ok: true, output: [`http://${api.host}/json`, { hello: "world" }] });
    const looping = await run("async (props) => fetch(props.base + '/loop')");
    expect(looping).toMatchObject({ ok: false, message: "fetch gave up after 5 redirects" });
  });

  it("blocks a host that is not allowed before connecting to it", async () => {
    const result = await run("async (props) => { await fetch(props.blocked + '/secret') }");
    expect(result).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: `fetch to ${blocked.host} was blocked: ${blocked.host} is not in this tool's allowed domains`,
    });
    expect(blocked.connections).toBe(0);
  });

  it("refuses a redirect to a host that is not allowed", async () => {
    const result = await run("async (props) => { await fetch(props.base + '/away') }");
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`fetch to ${blocked.host} was blocked`) });
    expect(blocked.connections).toBe(0);
  });

  it("blocks every request when no domains are allowed", async () => {
    const before = api.connections;
    const result = await run("async (props) => { await fetch(props.base + '/json') }", []);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("is not in this tool's allowed domains") });
    expect(api.connections).toBe(before);
  });

  it("lets the handler catch a blocked fetch as an Error", async () => {
    const result = await run("async (props) => fetch(props.blocked).catch((error) => [error instanceof Error, error.message])");
    expect(result).toMatchObject({ ok: true, output: [true, expect.stringContaining("was blocked")] });
  });

  it("refuses other protocols and malformed arguments", async () => {
    expect(await run("async () => fetch('file:///etc/passwd')")).toMatchObject({
      message: "fetch only supports http and https URLs, not file:",
    });
    expect(await run("async () => fetch('/relative')")).toMatchObject({ message: expect.stringContaining("absolute http(s) URL") });
    expect(await run("async (props) => fetch(props.base + '/echo', { method: 'POST', body: 42 })")).toMatchObject({
      message: "fetch `body` must be a string (use JSON.stringify for objects)",
    });
  });

  it("caps the response body size", async () => {
    const result = await run("async (props) => { await fetch(props.base + '/huge') }");
    expect(result).toMatchObject({ ok: false, message: `response from ${api.host} is larger than 5 MB` });
  });

  it("bounds a request by the handler's remaining time", async () => {
    const result = await run("async (props) => { await fetch(props.base + '/hang') }", [api.host], 300);
    expect(result).toMatchObject({ ok: false, errorType: "timeout", message: "Handler timed out after 300 ms" });
  });
});
