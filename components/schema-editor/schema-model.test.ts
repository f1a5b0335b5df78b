// The form's edits touch only their keywords and keep the author's key order.
import { describe, expect, it } from "vitest";
import {
  enumText,
  freshName,
  parseEnum,
  parseForForm,
  serializeSchema,
  withProperty,
  withRenamedProperty,
  withRequired,
  withType,
  withoutProperty,
} from "./schema-model";

const schema = {
  type: "object",
  properties: { zip: { type: "string", pattern: "^[0-9]{5}$" }, city: { type: "string" }, days: { type: "integer", minimum: 1 } },
  required: ["zip"],
  additionalProperties: false,
};
const keys = (value: object) => Object.keys(value);

describe("schema form edits", () => {
  it("renames a property in place, in required too, and refuses a taken name", () => {
    const renamed = withRenamedProperty(schema, "zip", "postcode");
    expect(keys(renamed.properties as object)).toEqual(["postcode", "city", "days"]);
    expect(renamed.required).toEqual(["postcode"]);
    expect(keys(renamed)).toEqual(keys(schema));
    expect(withRenamedProperty(schema, "zip", "city")).toBe(schema);
  });

  it("adds properties last and removes them from required", () => {
    const added = withProperty(schema, freshName(schema), { type: "string" });
    expect(keys(added.properties as object)).toEqual(["zip", "city", "days", "field"]);
    expect(freshName(added)).toBe("field_2");
    const removed = withoutProperty(schema, "zip");
    expect(keys(removed.properties as object)).toEqual(["city", "days"]);
    expect("required" in removed).toBe(false);
  });

  it("toggles required without moving the keyword", () => {
    const both = withRequired(schema, "city", true);
    expect(both.required).toEqual(["zip", "city"]);
    expect(keys(both)).toEqual(keys(schema));
    expect(withRequired(schema, "zip", true)).toBe(schema);
  });

  it("changes a type, dropping keywords of the old one and keeping the others", () => {
    expect(withType({ type: "string", enum: ["a"], description: "d" }, "array")).toEqual({
      type: "array",
      description: "d",
      items: { type: "string" },
    });
    expect(withType({ type: "array", items: {} }, "object")).toEqual({ type: "object", properties: {} });
    expect(withType({ type: "integer", minimum: 1 }, "number")).toEqual({ type: "number", minimum: 1 });
  });

  it("reads enums from comma-separated text, typed by the schema's type", () => {
    expect(parseEnum("metric, imperial, metric", "string")).toEqual({ values: ["metric", "imperial"] });
    expect(parseEnum("1, 2.5", "number")).toEqual({ values: [1, 2.5] });
    expect(parseEnum("1, 2.5", "integer").error).toMatch(/2\.5/);
    expect(parseEnum(" , ", "string")).toEqual({ values: undefined });
    expect(enumText({ enum: ["a", 2] })).toBe("a, 2");
  });

  it("round-trips the raw text, and says why the form cannot show it", () => {
    const text = serializeSchema(schema);
    const parsed = parseForForm(text);
    expect("schema" in parsed && serializeSchema(parsed.schema)).toBe(text);
    expect(parseForForm("{ nope")).toEqual({ problem: expect.stringMatching(/syntax error/) });
    expect(parseForForm("[]")).toEqual({ problem: expect.stringMatching(/object/) });
  });
});
