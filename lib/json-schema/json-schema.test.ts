import { describe, expect, it } from "vitest";
import { checkSchemaDefinition, validateAgainst } from "./json-schema";

const product = {
  type: "object",
  properties: { price: { type: "string" }, size: { enum: ["s", "m"] }, tags: { type: "array", items: { type: "string" } } },
  required: ["price"],
  additionalProperties: false,
};

describe("JSON Schema", () => {
  it("reports a type error with the property and its path", () => {
    expect(validateAgainst(product, { price: 3 })).toEqual({
      code: "schema_validation_failed",
      message: "Property 'price' must be a string, got number",
      path: "/price",
    });
  });

  it("reports missing, unknown, enum and nested errors", () => {
    expect(validateAgainst(product, {})).toMatchObject({ path: "/price", message: "Missing required property 'price'" });
    expect(validateAgainst(product, { price: "1", colour: "red" })).toMatchObject({ path: "/colour" });
    expect(validateAgainst(product, { price: "1", size: "xl" })?.message).toBe(`Property 'size' must be one of: "s", "m"`);
    expect(validateAgainst(product, { price: "1", tags: ["a", 2] })).toMatchObject({ path: "/tags/1" });
  });

  it("accepts valid data", () => {
    expect(validateAgainst(product, { price: "9.99", size: "m" })).toBeNull();
  });

  it("refuses invalid schemas with a reason", () => {
    expect(checkSchemaDefinition({ type: "strng" })).toMatch(/type/);
    expect(checkSchemaDefinition([])).toBe("must be a JSON object");
    expect(checkSchemaDefinition({ type: "string" }, { requireObject: true })).toMatch(/object/);
    expect(checkSchemaDefinition({ type: "object", properties: { a: { $ref: "#/$defs/missing" } } })).toMatch(/missing|resolve/i);
    expect(checkSchemaDefinition(product, { requireObject: true })).toBeNull();
  });
});
