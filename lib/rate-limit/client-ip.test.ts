import { describe, expect, it } from "vitest";
import { requestClientIp } from "./client-ip";

const request = (headers: Record<string, string>) => new Request("http://localhost/mcp", { headers });

describe("requestClientIp", () => {
  it("takes the entry the nearest proxy appended, not the ones the client sent", () => {
    expect(requestClientIp(request({ "X-Forwarded-For": "10.9.9.9, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(requestClientIp(request({ "X-Forwarded-For": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(requestClientIp(request({ "X-Forwarded-For": "203.0.113.5, " }))).toBe("203.0.113.5");
  });

  it("falls back to X-Real-IP, else none", () => {
    expect(requestClientIp(request({ "X-Real-IP": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(requestClientIp(request({}))).toBeNull();
  });
});
