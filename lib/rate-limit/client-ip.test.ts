import { describe, expect, it } from "vitest";
import { requestClientIp } from "./client-ip";

const request = (headers: Record<string, string>) => new Request("http://localhost/mcp", { headers });

describe("requestClientIp", () => {
  it("takes the entry the nearest proxy appended, not the ones the client sent", () => {
    expect(requestClientIp(request({ "X-Forwarded-For": "10.9.9.9, 203.0.113.5" }), 1)).toBe("203.0.113.5");
    expect(requestClientIp(request({ "X-Forwarded-For": "203.0.113.5" }), 1)).toBe("203.0.113.5");
    expect(requestClientIp(request({ "X-Forwarded-For": "203.0.113.5, " }), 1)).toBe("203.0.113.5");
  });

  it("behind a chain of trusted proxies (ATELIER_TRUSTED_PROXY_HOPS), takes the entry the first of them wrote", () => {
    const chain = request({ "X-Forwarded-For": "10.9.9.9, 203.0.113.5, 192.0.2.44" });
    expect(requestClientIp(chain, 2)).toBe("203.0.113.5");
    expect(requestClientIp(chain, 1)).toBe("192.0.2.44");
    // Fewer entries than hops: the request came through fewer proxies; the first entry is all there is.
    expect(requestClientIp(request({ "X-Forwarded-For": "203.0.113.5" }), 3)).toBe("203.0.113.5");
  });

  it("falls back to X-Real-IP, else none", () => {
    expect(requestClientIp(request({ "X-Real-IP": "198.51.100.2" }), 1)).toBe("198.51.100.2");
    expect(requestClientIp(request({}), 1)).toBeNull();
  });
});
