import { CompletionContext } from "@codemirror/autocomplete";
import { javascript } from "@codemirror/lang-javascript";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { handlerCompletionSource, handlerDocAt, type HandlerWorld } from "./handler-completions";

const world: HandlerWorld = {
  inputSchema: {
    type: "object",
    properties: {
      city: { type: "string", description: "City name" },
      days: { type: "integer" },
      units: { enum: ["metric", "imperial"] },
      where: { type: "object", properties: { lat: { type: "number" }, lon: { type: "number" } } },
    },
    required: ["city"],
  },
  secretNames: ["WEATHER_KEY"],
};

/** The document with `|` marking the cursor. */
function stateAt(marked: string) {
  const pos = marked.indexOf("|");
  const state = EditorState.create({ doc: marked.replace("|", ""), extensions: [javascript()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return { state, pos };
}

function complete(marked: string, explicit = false) {
  const { state, pos } = stateAt(marked);
  const result = handlerCompletionSource(() => world)(new CompletionContext(state, pos, explicit));
  if (result instanceof Promise) throw new Error("expected a synchronous result");
  return result;
}

describe("handlerCompletionSource", () => {
  it("offers the input schema's fields after props.", () => {
    const result = complete("async (props, env) => props.|");
    expect(result?.options.map((option) => option.label)).toEqual(["city", "days", "units", "where"]);
    const city = result?.options.find((option) => option.label === "city");
    expect(city?.detail).toBe("string");
    expect(city?.info).toContain("City name");
    expect(result?.options.find((option) => option.label === "days")?.detail).toBe("integer (optional)");
    expect(result?.options.find((option) => option.label === "units")?.detail).toBe('"metric" | "imperial" (optional)');
  });

  it("completes a partly typed field from where the name starts", () => {
    const doc = "async (props) => props.ci|";
    const result = complete(doc);
    expect(result?.from).toBe(doc.indexOf("ci"));
    expect(result?.options.map((option) => option.label)).toContain("city");
  });

  it("follows nested objects in the schema", () => {
    expect(complete("async (props) => props.where.|")?.options.map((option) => option.label)).toEqual(["lat", "lon"]);
  });

  it("offers env fields and the tool's secrets by name", () => {
    expect(complete("async (props, env) => env.|")?.options.map((option) => option.label)).toEqual([
      "secrets",
      "organizationId",
      "projectId",
      "environment",
      "locale",
    ]);
    expect(complete("async (props, env) => env.secrets.|")?.options.map((option) => option.label)).toEqual(["WEATHER_KEY"]);
  });

  it("offers the mcp helpers and console methods", () => {
    const mcp = complete("async () => mcp.|")?.options.map((option) => option.label);
    expect(mcp).toEqual(expect.arrayContaining(["text", "image", "resource", "result", "log", "progress", "elicit", "sample"]));
    expect(complete("async () => { console.| }")?.options.map((option) => option.label)).toEqual(["log", "info", "warn", "error", "debug"]);
  });

  it("offers the handler's globals for a bare name", () => {
    const labels = complete("async () => fe|")?.options.map((option) => option.label);
    expect(labels).toEqual(["props", "env", "mcp", "fetch", "console"]);
  });

  it("offers nothing for members it knows nothing about", () => {
    expect(complete("async () => { const x = {}; return x.| }")).toBeNull();
    expect(complete("async (props) => props.city.|")).toBeNull();
  });
});

describe("handlerDocAt", () => {
  it("documents props fields, secrets and helpers under the cursor", () => {
    const doc = "async (props, env) => mcp.text(props.city + env.secrets.WEATHER_KEY)";
    const { state } = stateAt(doc);
    expect(handlerDocAt(world, state, doc.indexOf("city") + 1)?.text).toBe("props.city: string – City name");
    expect(handlerDocAt(world, state, doc.indexOf("WEATHER_KEY") + 2)?.text).toContain("secret WEATHER_KEY");
    expect(handlerDocAt(world, state, doc.indexOf("text") + 1)?.text).toContain("mcp.text(text)");
    expect(handlerDocAt(world, state, doc.indexOf("async") + 1)).toBeNull();
  });
});
