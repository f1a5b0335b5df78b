import { describe, expect, it } from "vitest";
import { analyzeToolChanges, detectBreakingChanges } from "./breaking-changes";

type Schema = Record<string, unknown>;
const object = (properties: Schema, required: string[] = [], extra: Schema = {}) => ({ type: "object", properties, required, ...extra });
const tool = (name: string, inputSchema: Schema, outputSchema: Schema | null = null) => ({ name, inputSchema, outputSchema });

/** Breaking changes of one tool whose input schema goes from `before` to `after`. */
const inputChanges = (before: Schema, after: Schema) => detectBreakingChanges([tool("t", before)], [tool("t", after)]);
const outputChanges = (before: Schema | null, after: Schema | null) =>
  detectBreakingChanges([tool("t", object({}), before)], [tool("t", object({}), after)]);
const kinds = (changes: { kind: string; path: string }[]) => changes.map((change) => `${change.kind} ${change.path}`);

describe("detectBreakingChanges: tools", () => {
  it("finds nothing when nothing changed or only descriptions changed", () => {
    const schema = object({ price: { type: "string", description: "old" } }, ["price"]);
    expect(inputChanges(schema, schema)).toEqual([]);
    expect(inputChanges(schema, object({ price: { type: "string", description: "new" } }, ["price"]))).toEqual([]);
  });

  it("reports a removed tool, and not an added one", () => {
    const before = [tool("a", object({})), tool("b", object({}))];
    const after = [tool("a", object({})), tool("c", object({}))];
    expect(detectBreakingChanges(before, after)).toEqual([
      { tool: "b", kind: "tool_removed", path: "", message: "Tool 'b' was removed: hosts that call it will get an error." },
    ]);
  });
});

describe("detectBreakingChanges: input properties", () => {
  it("reports a removed property", () => {
    expect(inputChanges(object({ a: { type: "string" }, b: { type: "number" } }), object({ a: { type: "string" } }))).toEqual([
      {
        tool: "t",
        kind: "property_removed",
        path: "/b",
        message: "Property 'b' was removed: hosts that send it will be refused or ignored.",
      },
    ]);
  });

  it("reports a rename when a removed and an added property at the same level share a schema", () => {
    const changes = inputChanges(
      object({ zip: { type: "string", maxLength: 10 } }, ["zip"]),
      object({ postcode: { type: "string", maxLength: 10 } }, ["postcode"]),
    );
    expect(changes).toEqual([
      { tool: "t", kind: "property_renamed", path: "/zip", message: "Property 'zip' was renamed to 'postcode': hosts still send 'zip'." },
    ]);
  });

  it("treats a removed and an added property with different schemas as removed + added", () => {
    const changes = inputChanges(object({ zip: { type: "string" } }), object({ postcode: { type: "integer" } }));
    expect(kinds(changes)).toEqual(["property_removed /zip"]);
  });

  it("does not pair properties at different levels as a rename", () => {
    const before = object({ zip: { type: "string" }, address: object({}) });
    const after = object({ address: object({ zip: { type: "string" } }) });
    expect(kinds(inputChanges(before, after))).toEqual(["property_removed /zip"]);
  });

  it("reports an optional property that became required", () => {
    expect(inputChanges(object({ a: { type: "string" } }), object({ a: { type: "string" } }, ["a"]))).toEqual([
      {
        tool: "t",
        kind: "property_newly_required",
        path: "/a",
        message: "Property 'a' is now required: calls without it will be refused.",
      },
    ]);
  });

  it("reports a new required property", () => {
    expect(inputChanges(object({}), object({ currency: { type: "string" } }, ["currency"]))).toEqual([
      {
        tool: "t",
        kind: "property_newly_required",
        path: "/currency",
        message: "New required property 'currency': calls from hosts that do not know it will be refused.",
      },
    ]);
  });

  it("reports a rename of an optional property to a required one as both", () => {
    expect(kinds(inputChanges(object({ zip: { type: "string" } }), object({ postcode: { type: "string" } }, ["postcode"])))).toEqual([
      "property_renamed /zip",
      "property_newly_required /postcode",
    ]);
  });

  it("does not report a new optional property, a dropped requirement or a widened type", () => {
    const before = object({ a: { type: "string" }, b: { type: "integer" } }, ["a"]);
    const after = object({ a: { type: "string" }, b: { type: ["number", "null"] }, c: { type: "boolean" } });
    expect(inputChanges(before, after)).toEqual([]);
  });

  it("walks nested objects and array items, escaping JSON Pointer segments", () => {
    const before = object({
      "a/b": object({ city: { type: "string" } }),
      tags: { type: "array", items: object({ label: { type: "string" } }) },
    });
    const after = object({ "a/b": object({}), tags: { type: "array", items: object({ label: { type: "string" } }, ["label"]) } });
    expect(inputChanges(before, after)).toEqual([
      {
        tool: "t",
        kind: "property_removed",
        path: "/a~1b/city",
        message: "Property 'a~1b.city' was removed: hosts that send it will be refused or ignored.",
      },
      {
        tool: "t",
        kind: "property_newly_required",
        path: "/tags/*/label",
        message: "Property 'tags.*.label' is now required: calls without it will be refused.",
      },
    ]);
  });
});

describe("detectBreakingChanges: narrowed types", () => {
  const property = (schema: Schema) => object({ p: schema });
  const narrowed = (before: Schema, after: Schema) => inputChanges(property(before), property(after));

  it("reports a shrinking type set", () => {
    expect(narrowed({ type: ["string", "null"] }, { type: "string" })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "/p", message: "Property 'p' no longer accepts null (now string)." },
    ]);
    expect(kinds(narrowed({ type: "string" }, { type: "boolean" }))).toEqual(["type_narrowed /p"]);
  });

  it("reports number → integer, and not integer → number", () => {
    expect(narrowed({ type: "number" }, { type: "integer" })).toEqual([
      {
        tool: "t",
        kind: "type_narrowed",
        path: "/p",
        message: "Property 'p' changed from number to integer: fractional values are now refused.",
      },
    ]);
    expect(narrowed({ type: "integer" }, { type: "number" })).toEqual([]);
  });

  it("reports a type added to an untyped property", () => {
    expect(narrowed({}, { type: "string" })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "/p", message: "Property 'p' now only accepts string; it accepted any type." },
    ]);
  });

  it("reports removed enum values and a new enum, not added values", () => {
    expect(narrowed({ enum: ["eur", "usd", "gbp"] }, { enum: ["eur", "usd"] })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "/p", message: "Property 'p' no longer accepts \"gbp\"." },
    ]);
    expect(kinds(narrowed({ type: "string" }, { type: "string", enum: ["a"] }))).toEqual(["type_narrowed /p"]);
    expect(narrowed({ enum: ["eur"] }, { enum: ["eur", "usd"] })).toEqual([]);
  });

  it("reports a new or changed const", () => {
    expect(kinds(narrowed({ type: "string" }, { const: "x" }))).toEqual(["type_narrowed /p"]);
    expect(narrowed({ const: "x" }, { const: "x" })).toEqual([]);
  });

  it("reports tighter or new bounds, not looser ones", () => {
    expect(narrowed({ type: "string", maxLength: 100 }, { type: "string", maxLength: 50 })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "/p", message: "Property 'p': maxLength went from 100 to 50." },
    ]);
    expect(narrowed({ type: "number" }, { type: "number", maximum: 10 })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "/p", message: "Property 'p' gained maximum 10." },
    ]);
    expect(kinds(narrowed({ type: "number", minimum: 0 }, { type: "number", minimum: 1 }))).toEqual(["type_narrowed /p"]);
    expect(narrowed({ type: "string", maxLength: 50, minLength: 2 }, { type: "string", maxLength: 100, minLength: 1 })).toEqual([]);
    expect(narrowed({ type: "number", maximum: 10 }, { type: "number" })).toEqual([]);
  });

  it("reports a new pattern or format", () => {
    expect(kinds(narrowed({ type: "string" }, { type: "string", pattern: "^[A-Z]+$" }))).toEqual(["type_narrowed /p"]);
    expect(kinds(narrowed({ type: "string" }, { type: "string", format: "email" }))).toEqual(["type_narrowed /p"]);
    expect(narrowed({ type: "string", format: "email" }, { type: "string", format: "email" })).toEqual([]);
  });

  it("reports array items that accept less, and a false schema", () => {
    expect(kinds(narrowed({ type: "array" }, { type: "array", items: { type: "string" } }))).toEqual(["type_narrowed /p/*"]);
    expect(kinds(narrowed({ type: "array", items: { type: "number" } }, { type: "array", items: { type: "integer" } }))).toEqual([
      "type_narrowed /p/*",
    ]);
    expect(kinds(inputChanges(object({ p: true }), object({ p: false })))).toEqual(["type_narrowed /p"]);
  });

  it("reports a narrowed root", () => {
    expect(inputChanges({ type: ["object", "null"] }, { type: "object" })).toEqual([
      { tool: "t", kind: "type_narrowed", path: "", message: "The input no longer accepts null (now object)." },
    ]);
  });
});

describe("detectBreakingChanges: output", () => {
  const result = object({ total: { type: "number" }, currency: { type: "string" } }, ["total", "currency"]);

  it("accepts an unchanged output, a new output schema, new properties and narrower types", () => {
    expect(outputChanges(result, result)).toEqual([]);
    expect(outputChanges(null, result)).toEqual([]);
    const richer = object({ total: { type: "integer" }, currency: { type: "string", enum: ["eur"] }, note: { type: "string" } }, [
      "total",
      "currency",
      "note",
    ]);
    expect(outputChanges(result, richer)).toEqual([]);
  });

  it("reports a removed output schema", () => {
    expect(kinds(outputChanges(result, null))).toEqual(["output_incompatible "]);
  });

  it("reports a removed output property", () => {
    expect(outputChanges(result, object({ total: { type: "number" } }, ["total"]))).toEqual([
      {
        tool: "t",
        kind: "output_incompatible",
        path: "/currency",
        message: "Output property 'currency' was removed: hosts that read it will break.",
      },
    ]);
  });

  it("reports a changed or widened output type", () => {
    const changed = object({ total: { type: "string" }, currency: { type: "string" } }, ["total", "currency"]);
    expect(outputChanges(result, changed)).toEqual([
      { tool: "t", kind: "output_incompatible", path: "/total", message: "Output property 'total' changed type from number to string." },
    ]);
    const nullable = object({ total: { type: ["number", "null"] }, currency: { type: "string" } }, ["total", "currency"]);
    expect(kinds(outputChanges(result, nullable))).toEqual(["output_incompatible /total"]);
    const untyped = object({ total: {}, currency: { type: "string" } }, ["total", "currency"]);
    expect(kinds(outputChanges(result, untyped))).toEqual(["output_incompatible /total"]);
  });

  it("reports an output property that is no longer required", () => {
    expect(outputChanges(result, object({ total: { type: "number" }, currency: { type: "string" } }, ["total"]))).toEqual([
      { tool: "t", kind: "output_incompatible", path: "/currency", message: "Output property 'currency' is no longer always returned." },
    ]);
  });

  it("reports output enum values that were never returned before", () => {
    const before = object({ status: { enum: ["ok", "failed"] } });
    expect(kinds(outputChanges(before, object({ status: { enum: ["ok", "failed", "pending"] } })))).toEqual([
      "output_incompatible /status",
    ]);
    expect(kinds(outputChanges(before, object({ status: { type: "string" } })))).toEqual(["output_incompatible /status"]);
    expect(outputChanges(before, object({ status: { enum: ["ok"] } }))).toEqual([]);
  });

  it("walks nested output objects and array items", () => {
    const before = object({ lines: { type: "array", items: object({ sku: { type: "string" } }, ["sku"]) } });
    const after = object({ lines: { type: "array", items: object({}) } });
    expect(kinds(outputChanges(before, after))).toEqual(["output_incompatible /lines/*/sku"]);
    expect(kinds(outputChanges(before, object({ lines: { type: "array" } })))).toEqual([
      "output_incompatible /lines/*",
      "output_incompatible /lines/*/sku",
    ]);
  });
});

describe("analyzeToolChanges: added optional inputs", () => {
  it("lists new optional input properties (a minor change), not required ones or rename targets", () => {
    const before = [tool("t", object({ zip: { type: "string" } }))];
    const after = [tool("t", object({ postcode: { type: "string" }, note: { type: "string" }, must: { type: "string" } }, ["must"]))];
    expect(analyzeToolChanges(before, after).addedOptionalInputs).toEqual([{ tool: "t", path: "/note" }]);
  });

  it("lists nothing for tools that are new (that is 'tools added')", () => {
    expect(analyzeToolChanges([], [tool("t", object({ a: {} }))])).toEqual({ breakingChanges: [], addedOptionalInputs: [] });
  });
});
