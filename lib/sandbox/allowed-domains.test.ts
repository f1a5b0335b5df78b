import { describe, expect, it } from "vitest";
import { isDomainAllowed } from "./allowed-domains";

const allowed = (url: string, domains: string[]) => isDomainAllowed(new URL(url), domains);

describe("isDomainAllowed", () => {
  it("matches exact hosts only", () => {
    expect(allowed("https://api.example.com/v1", ["api.example.com"])).toBe(true);
    expect(allowed("https://API.Example.com/v1", ["api.example.com"])).toBe(true);
    expect(allowed("https://example.com/", ["api.example.com"])).toBe(false);
    expect(allowed("https://evil-api.example.com/", ["api.example.com"])).toBe(false);
    expect(allowed("https://api.example.com.evil.net/", ["api.example.com"])).toBe(false);
  });

  it("matches subdomains, not the apex, for a wildcard", () => {
    expect(allowed("https://a.example.com/", ["*.example.com"])).toBe(true);
    expect(allowed("https://a.b.example.com/", ["*.example.com"])).toBe(true);
    expect(allowed("https://example.com/", ["*.example.com"])).toBe(false);
    expect(allowed("https://notexample.com/", ["*.example.com"])).toBe(false);
  });

  it("requires the port to match when the entry names one", () => {
    expect(allowed("http://127.0.0.1:8080/x", ["127.0.0.1:8080"])).toBe(true);
    expect(allowed("http://127.0.0.1:9090/x", ["127.0.0.1:8080"])).toBe(false);
    expect(allowed("http://127.0.0.1/x", ["127.0.0.1:8080"])).toBe(false);
    expect(allowed("https://example.com/", ["example.com:443"])).toBe(true);
    expect(allowed("http://127.0.0.1:9090/x", ["127.0.0.1"])).toBe(true);
  });

  it("blocks everything for an empty list", () => {
    expect(allowed("https://example.com/", [])).toBe(false);
    expect(allowed("http://127.0.0.1:8080/", [])).toBe(false);
  });

  it("tolerates pasted schemes and paths but never allows other protocols", () => {
    expect(allowed("https://api.example.com/", ["https://api.example.com/docs"])).toBe(true);
    expect(allowed("ftp://api.example.com/", ["api.example.com"])).toBe(false);
    expect(allowed("https://example.com/", ["*"])).toBe(false);
  });
});
