// Handlers must not reach this server, its database or the private network through fetch, however
// the address is spelled and whether it is reached directly, through DNS or through a redirect.
// Only loopback servers are used: each "target" must never see a connection.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolveHost } from "./network-policy";
import { runHandler } from "./index";

type TestServer = { server: Server; port: number; connections: number };

async function startServer(host: string, listener: RequestListener): Promise<TestServer> {
  const server = createServer(listener);
  const state = { server, port: 0, connections: 0 };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}

let target: TestServer; // 127.0.0.1: stands for Atelier's other ports, PostgreSQL, metadata services
let targetV6: TestServer | null; // ::1, when the machine has IPv6 loopback
let gateway: TestServer; // 127.0.0.2: an intranet API the operator allowed, which redirects

beforeAll(async () => {
  target = await startServer("127.0.0.1", (_request, response) => response.end("internal secret"));
  targetV6 = await startServer("::1", (_request, response) => response.end("internal secret")).catch(() => null);
  gateway = await startServer("127.0.0.2", (request, response) => {
    const to = new URL(request.url ?? "/", "http://x").searchParams.get("to") ?? "";
    if (request.url?.startsWith("/redirect")) return response.writeHead(302, { location: to }).end();
    response.end("intranet ok");
  });
});

afterAll(() => {
  for (const state of [target, targetV6, gateway]) {
    state?.server.closeAllConnections();
    state?.server.close();
  }
});

const env = { secrets: {}, organizationId: "o", projectId: "p", environment: "draft" as const, locale: "en" };

function fetchFrom(url: string, options: { allowedDomains: string[]; allowPrivateNetworks?: string[]; resolveHost?: ResolveHost }) {
  return runHandler({
    code: "async (props) => { const response = await fetch(props.url); return await response.text() }",
    props: { url },
    env,
    allowedDomains: options.allowedDomains,
    limits: { timeoutMs: 10_000 },
    network: { allowPrivateNetworks: options.allowPrivateNetworks ?? [], resolveHost: options.resolveHost },
  });
}

describe("fetch refuses non-public addresses at connection time", () => {
  it("refuses loopback IP literals in every spelling, even when the tool allows the host", async () => {
    const spellings = ["127.0.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "017700000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]"];
    for (const spelling of spellings) {
      const host = `${spelling}:${target.port}`;
      const result = await fetchFrom(`http://${host}/`, {
        allowedDomains: [host, `127.0.0.1:${target.port}`, `[::ffff:7f00:1]:${target.port}`],
      });
      expect(result, spelling).toMatchObject({
        ok: false,
        errorType: "runtime",
        message: expect.stringMatching(/was blocked: it is a loopback address/),
      });
    }
    expect(target.connections).toBe(0);
  });

  it("refuses IPv6 loopback and the unspecified address", async () => {
    const port = targetV6?.port ?? target.port;
    const v6 = await fetchFrom(`http://[::1]:${port}/`, { allowedDomains: [`[::1]:${port}`] });
    expect(v6).toMatchObject({ ok: false, message: expect.stringContaining("loopback address") });
    const unspecified = await fetchFrom(`http://0.0.0.0:${target.port}/`, { allowedDomains: [`0.0.0.0:${target.port}`] });
    expect(unspecified).toMatchObject({ ok: false, message: expect.stringContaining("unspecified address") });
    expect(target.connections).toBe(0);
    expect(targetV6?.connections ?? 0).toBe(0);
  });

  it("refuses a name whose address is loopback (localhost, from the system resolver)", async () => {
    const result = await fetchFrom(`http://localhost:${target.port}/`, { allowedDomains: [`localhost:${target.port}`] });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/fetch to localhost \((127\.0\.0\.1|::1)\) was blocked: it is a loopback address/),
    });
    expect(target.connections).toBe(0);
  });

  it("refuses a public-looking name that resolves to a private address, and one with any private answer", async () => {
    const rebinding: ResolveHost = async (hostname) => (hostname === "api.example.test" ? ["127.0.0.1"] : ["93.184.215.14"]);
    const result = await fetchFrom(`http://api.example.test:${target.port}/`, {
      allowedDomains: ["api.example.test"],
      resolveHost: rebinding,
    });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("fetch to api.example.test (127.0.0.1) was blocked: it is a loopback address"),
    });
    const mixed: ResolveHost = async () => ["93.184.215.14", "169.254.169.254"];
    const metadata = await fetchFrom("http://cloud.example.test/latest/meta-data/", {
      allowedDomains: ["cloud.example.test"],
      resolveHost: mixed,
    });
    expect(metadata).toMatchObject({
      ok: false,
      message: expect.stringContaining("(169.254.169.254) was blocked: it is a link-local address"),
    });
    expect(target.connections).toBe(0);
  });

  it("connects to exactly the address it checked (no second lookup to rebind)", async () => {
    let lookups = 0;
    // First answer allowed (the operator's intranet range), any later answer would be loopback.
    const resolveHost: ResolveHost = async () => (lookups++ === 0 ? ["127.0.0.2"] : ["127.0.0.1"]);
    const result = await fetchFrom(`http://intranet.example.test:${gateway.port}/`, {
      allowedDomains: ["intranet.example.test"],
      allowPrivateNetworks: ["127.0.0.2/32"],
      resolveHost,
    });
    expect(result).toMatchObject({ ok: true, output: "intranet ok" });
    expect(lookups).toBe(1);
    expect(target.connections).toBe(0);
  });

  it("checks every redirect hop: an allowed intranet server cannot bounce the handler to a private address", async () => {
    const allowPrivateNetworks = ["127.0.0.2/32"];
    const allowedDomains = [`127.0.0.2:${gateway.port}`, `127.0.0.1:${target.port}`, "internal.example.test"];
    const reachable = await fetchFrom(`http://127.0.0.2:${gateway.port}/`, { allowedDomains, allowPrivateNetworks });
    expect(reachable).toMatchObject({ ok: true, output: "intranet ok" });

    const toLiteral = `http://127.0.0.1:${target.port}/admin`;
    const direct = await fetchFrom(`http://127.0.0.2:${gateway.port}/redirect?to=${encodeURIComponent(toLiteral)}`, {
      allowedDomains,
      allowPrivateNetworks,
    });
    expect(direct).toMatchObject({
      ok: false,
      message: expect.stringContaining(`fetch to 127.0.0.1:${target.port} was blocked: it is a loopback address`),
    });

    const toName = `http://internal.example.test:${target.port}/admin`;
    const resolveHost: ResolveHost = async () => ["127.0.0.1"];
    const viaName = await fetchFrom(`http://127.0.0.2:${gateway.port}/redirect?to=${encodeURIComponent(toName)}`, {
      allowedDomains,
      allowPrivateNetworks,
      resolveHost,
    });
    expect(viaName).toMatchObject({ ok: false, message: expect.stringContaining("internal.example.test (127.0.0.1) was blocked") });
    expect(target.connections).toBe(0);
  });

  it("reaches a private range only when the operator allowed it", async () => {
    const host = `127.0.0.1:${target.port}`;
    const allowed = await fetchFrom(`http://${host}/`, { allowedDomains: [host], allowPrivateNetworks: ["127.0.0.0/8"] });
    expect(allowed).toMatchObject({ ok: true, output: "internal secret" });
    expect(target.connections).toBe(1);
  });
});
