import { describe, expect, it } from "vitest";
import { parseResource, parseStudioResource } from "./resource";

const origin = "https://atelier.example";

describe("resource indicators", () => {
  it("names a production or draft endpoint of this origin", () => {
    expect(parseResource(`${origin}/mcp/acme/demo`, origin)).toEqual({
      origin,
      orgSlug: "acme",
      projectSlug: "demo",
      environment: "production",
    });
    expect(parseResource(`${origin}/mcp/acme/demo/draft`, origin)).toEqual({
      origin,
      orgSlug: "acme",
      projectSlug: "demo",
      environment: "draft",
    });
  });

  it.each([
    ["another origin", "https://elsewhere.example/mcp/acme/demo"],
    ["another scheme", "http://atelier.example/mcp/acme/demo"],
    ["a trailing slash", `${origin}/mcp/acme/demo/`],
    ["a query", `${origin}/mcp/acme/demo?x=1`],
    ["a fragment", `${origin}/mcp/acme/demo#x`],
    ["another path", `${origin}/mcp/acme`],
    ["an extra segment", `${origin}/mcp/acme/demo/draft/more`],
    ["a non-canonical spelling", "HTTPS://atelier.example/mcp/acme/demo"],
    ["not a URL", "acme/demo"],
  ])("refuses %s", (_label, resource) => {
    expect(parseResource(resource, origin)).toBeNull();
  });
});

describe("the studio MCP server as a resource", () => {
  it("names /mcp/{org} of this origin, and nothing else", () => {
    expect(parseStudioResource(`${origin}/mcp/acme`, origin)).toEqual({ origin, orgSlug: "acme" });
    for (const resource of [
      `${origin}/mcp/acme/`,
      `${origin}/mcp/acme/demo`,
      `${origin}/mcp/acme?x=1`,
      "https://elsewhere.example/mcp/acme",
      "HTTPS://atelier.example/mcp/acme",
    ]) {
      expect(parseStudioResource(resource, origin)).toBeNull();
    }
  });
});
