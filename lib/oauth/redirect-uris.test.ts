import { describe, expect, it } from "vitest";
import { redirectHost, redirectUriMatches, redirectUriProblem } from "./redirect-uris";

describe("redirect URIs a client may register", () => {
  it.each([
    "https://claude.ai/api/mcp/auth_callback",
    "https://chatgpt.com/connector/oauth/abc123",
    "http://127.0.0.1:33418/callback",
    "http://localhost/callback",
    "http://[::1]:8080/cb",
    "com.example.app:/oauth2redirect",
    "https://example.com/cb?tenant=1",
  ])("accepts %s", (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ["http://example.com/cb", /https/],
    ["http://127.0.0.2.nip.io/cb", /https/],
    ["https://example.com/cb#fragment", /fragment/],
    ["https://example.com/cb#", /fragment/],
    ["/relative/callback", /absolute/],
    ["javascript:alert(1)", /scheme/],
    ["data:text/html,hi", /scheme/],
    ["myapp:/cb", /scheme/],
  ])("refuses %s", (uri, problem) => {
    expect(redirectUriProblem(uri)).toMatch(problem);
  });
});

describe("matching a request's redirect_uri", () => {
  it("matches non-loopback URIs exactly", () => {
    const registered = ["https://claude.ai/api/mcp/auth_callback"];
    expect(redirectUriMatches("https://claude.ai/api/mcp/auth_callback", registered)).toBe(true);
    expect(redirectUriMatches("https://claude.ai/api/mcp/auth_callback/", registered)).toBe(false);
    expect(redirectUriMatches("https://CLAUDE.ai/api/mcp/auth_callback", registered)).toBe(false);
    expect(redirectUriMatches("https://claude.ai:443/api/mcp/auth_callback?x", registered)).toBe(false);
  });

  it("lets loopback URIs differ in port only (RFC 8252 §7.3)", () => {
    const registered = ["http://127.0.0.1/callback", "http://localhost:3000/cb", "http://[::1]/cb"];
    expect(redirectUriMatches("http://127.0.0.1:51234/callback", registered)).toBe(true);
    expect(redirectUriMatches("http://localhost:9999/cb", registered)).toBe(true);
    expect(redirectUriMatches("http://[::1]:4000/cb", registered)).toBe(true);
    expect(redirectUriMatches("http://127.0.0.1:51234/other", registered)).toBe(false);
    expect(redirectUriMatches("http://localhost:9999/callback", registered)).toBe(false);
    expect(redirectUriMatches("https://127.0.0.1:51234/callback", registered)).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1:51234/callback?x=1", registered)).toBe(false);
  });

  it("names the host a person recognizes", () => {
    expect(redirectHost("https://claude.ai/api/mcp/auth_callback")).toBe("claude.ai");
    expect(redirectHost("http://127.0.0.1:4999/cb")).toBe("127.0.0.1:4999");
    expect(redirectHost("com.example.app:/cb")).toBe("com.example.app");
  });
});
