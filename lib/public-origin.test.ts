import { describe, expect, it } from "vitest";
import { requestOrigin } from "./public-origin";

const from = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe("requestOrigin", () => {
  it("is the address the request came to, from Host", () => {
    expect(requestOrigin(from({ host: "127.0.0.1:3000" }), 1)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(from({ host: "192.168.1.20:3000" }), 1)).toBe("http://192.168.1.20:3000");
    expect(requestOrigin(from({ host: "[::1]:3000" }), 1)).toBe("http://[::1]:3000");
  });

  it("takes X-Forwarded-Host and -Proto as the first trusted proxy wrote them, like X-Forwarded-For", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "atelier.example.com", "x-forwarded-proto": "https" };
    expect(requestOrigin(from(headers), 1)).toBe("https://atelier.example.com");
    // One hop: what the client put before the proxy's entry is ignored.
    const chained = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example, atelier.example.com", "x-forwarded-proto": "http, https" };
    expect(requestOrigin(from(chained), 1)).toBe("https://atelier.example.com");
    // Two hops (a CDN in front of nginx): the CDN's entry.
    expect(requestOrigin(from({ ...chained, "x-forwarded-host": "client.example, cdn.example.com, nginx.internal" }), 2)).toBe(
      "http://cdn.example.com",
    );
  });

  it("drops a default port and refuses anything that is not a host", () => {
    expect(requestOrigin(from({ host: "atelier.example.com:443", "x-forwarded-proto": "https" }), 1)).toBe("https://atelier.example.com");
    expect(requestOrigin(from({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example/path@x" }), 1)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(from({ host: "a b" }), 1)).toMatch(/^http:\/\/localhost:\d+$/);
    expect(requestOrigin(from({ host: "127.0.0.1:3000", "x-forwarded-proto": "javascript" }), 1)).toBe("http://127.0.0.1:3000");
  });
});
