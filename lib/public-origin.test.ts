import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { requestOrigin } from "./public-origin";

const from = (headers: Record<string, string>) => ({ headers: new Headers(headers) });
const ALLOWED = ["atelier.example.com"];

describe("requestOrigin", () => {
  it("is the address the request came to, from Host", () => {
    expect(requestOrigin(from({ host: "127.0.0.1:3000" }), 1)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(from({ host: "192.168.1.20:3000" }), 1)).toBe("http://192.168.1.20:3000");
    expect(requestOrigin(from({ host: "[::1]:3000" }), 1)).toBe("http://[::1]:3000");
  });

  it("takes X-Forwarded-Host and -Proto as the first trusted proxy wrote them, like X-Forwarded-For", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "atelier.example.com", "x-forwarded-proto": "https" };
    expect(requestOrigin(from(headers), 1, ALLOWED)).toBe("https://atelier.example.com");
    // One hop: what the client put before the proxy's entry is ignored.
    const chained = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example, atelier.example.com", "x-forwarded-proto": "http, https" };
    expect(requestOrigin(from(chained), 1, ALLOWED)).toBe("https://atelier.example.com");
    // Two hops (a CDN in front of nginx): the CDN's entry.
    expect(
      requestOrigin(from({ ...chained, "x-forwarded-host": "client.example, cdn.example.com, nginx.internal" }), 2, ["cdn.example.com"]),
    ).toBe("http://cdn.example.com");
  });

  it("drops a default port and refuses anything that is not a host", () => {
    expect(requestOrigin(from({ host: "atelier.example.com:443", "x-forwarded-proto": "https" }), 1, ALLOWED)).toBe(
      "https://atelier.example.com",
    );
    expect(requestOrigin(from({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example/path@x" }), 1)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(from({ host: "a b" }), 1)).toMatch(/^http:\/\/localhost:\d+$/);
    expect(requestOrigin(from({ host: "127.0.0.1:3000", "x-forwarded-proto": "javascript" }), 1)).toBe("http://127.0.0.1:3000");
  });

  it("takes a host name only when it is ours, so a DNS-rebinding page's name never becomes our origin", () => {
    // evil.example resolving to 127.0.0.1: its Host, its X-Forwarded-Host, and its Origin all say evil.example.
    const rebinding = { host: "evil.example:3000", "x-forwarded-host": "evil.example:3000", origin: "http://evil.example:3000" };
    expect(requestOrigin(from(rebinding), 1, [])).toMatch(/^http:\/\/localhost:\d+$/);
    expect(requestOrigin(from({ host: "evil.example:3000" }), 1, ["evil.example"])).toBe("http://evil.example:3000");
    expect(requestOrigin(from({ host: "localhost:3000" }), 1, [])).toBe("http://localhost:3000");
    expect(requestOrigin(from({ host: "app.localhost:3000" }), 1, [])).toBe("http://app.localhost:3000");
    expect(requestOrigin(from({ host: `${hostname()}:3000` }), 1, [])).toBe(`http://${hostname().toLowerCase()}:3000`);
    expect(requestOrigin(from({ host: "10.1.2.3:3000" }), 1, [])).toBe("http://10.1.2.3:3000");
  });
});
