import { describe, expect, it } from "vitest";
import { findDisallowedComponent } from "./component-references";

const options = { projectSlug: "shop", allowed: new Set(["card", "badge"]) };

describe("findDisallowedComponent", () => {
  it("accepts props without references and references to allowed components", () => {
    expect(findDisallowedComponent({ title: "ui is fine", count: 3, tags: ["a", null] }, options)).toBeNull();
    expect(
      findDisallowedComponent({ a: "ui://shop/card", b: { $component: "badge" }, c: { $component: "ui://shop/card" } }, options),
    ).toBeNull();
  });

  it("refuses a ui:// string naming another component, with its JSON Pointer", () => {
    expect(findDisallowedComponent({ items: [{ view: "ui://shop/admin" }] }, options)).toEqual({
      code: "component_not_allowed",
      message: "Component 'admin' is not in this tool's allowlist",
      path: "/items/0/view",
    });
  });

  it("refuses another project's components and malformed references whole", () => {
    expect(findDisallowedComponent({ a: "ui://other/card" }, options)?.message).toBe(
      "Component 'ui://other/card' is not in this tool's allowlist",
    );
    expect(findDisallowedComponent({ a: "ui://shop/card/extra" }, options)?.path).toBe("/a");
    expect(findDisallowedComponent({ a: { $component: 42 } }, options)).toMatchObject({
      message: "Component '42' is not in this tool's allowlist",
      path: "/a/$component",
    });
  });

  it("refuses a $component object and escapes keys in the path", () => {
    expect(findDisallowedComponent({ "a/b": { "~x": { $component: "admin" } } }, options)?.path).toBe("/a~1b/~0x/$component");
  });
});
