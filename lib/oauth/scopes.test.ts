import { describe, expect, it } from "vitest";
import { formatScopes, parseScopes } from "./scopes";

describe("scope", () => {
  it("defaults to every scope when absent or empty", () => {
    expect(parseScopes(undefined)).toEqual({ scopes: ["mcp"] });
    expect(parseScopes("")).toEqual({ scopes: ["mcp"] });
    expect(parseScopes("   ")).toEqual({ scopes: ["mcp"] });
  });

  it("accepts known scopes once each, and names unknown ones", () => {
    expect(parseScopes("mcp mcp")).toEqual({ scopes: ["mcp"] });
    expect(parseScopes("mcp offline_access")).toEqual({ unknown: ["offline_access"] });
    expect(parseScopes("MCP")).toEqual({ unknown: ["MCP"] });
  });

  it("formats space-separated", () => {
    expect(formatScopes(["mcp"])).toBe("mcp");
  });
});
