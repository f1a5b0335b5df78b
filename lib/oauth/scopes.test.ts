import { describe, expect, it } from "vitest";
import { formatScopes, parseScopes } from "./scopes";

describe("scope", () => {
  it("defaults to every scope when absent or empty", () => {
    expect(parseScopes(undefined)).toEqual({ scopes: ["mcp"], ignored: [] });
    expect(parseScopes("")).toEqual({ scopes: ["mcp"], ignored: [] });
    expect(parseScopes("   ")).toEqual({ scopes: ["mcp"], ignored: [] });
  });

  it("keeps known scopes once each and ignores the others (offline_access included)", () => {
    expect(parseScopes("mcp mcp")).toEqual({ scopes: ["mcp"], ignored: [] });
    expect(parseScopes("mcp offline_access")).toEqual({ scopes: ["mcp"], ignored: ["offline_access"] });
    expect(parseScopes("offline_access")).toEqual({ scopes: ["mcp"], ignored: ["offline_access"] });
    expect(parseScopes("MCP")).toEqual({ scopes: ["mcp"], ignored: ["MCP"] });
  });

  it("formats space-separated", () => {
    expect(formatScopes(["mcp"])).toBe("mcp");
  });
});
