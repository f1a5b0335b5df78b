import { describe, expect, it } from "vitest";
import { diffContents, hasChanges, packageFiles } from "./diff";
import type { ManifestTool, PackageContents } from "./manifest";

const dataTool = (name: string, overrides: Partial<ManifestTool> = {}): ManifestTool => ({
  name,
  kind: "data",
  title: "",
  description: "",
  inputSchema: { type: "object", properties: {} },
  outputSchema: null,
  annotations: {},
  handler: "async () => ({ ok: true })\n",
  component: null,
  allowedComponents: [],
  timeoutMs: 60000,
  memoryMb: 128,
  ...overrides,
});

const contents = (tools: ManifestTool[], components: PackageContents["components"] = []): PackageContents => ({ tools, components });

describe("packageFiles", () => {
  it("presents a Data Tool as handler, schemas and details; a UI Tool without a handler; components as HTML + CSP", () => {
    const files = packageFiles(
      contents(
        [dataTool("quote", { outputSchema: { type: "object" } }), dataTool("card", { kind: "ui", handler: "", component: "card" })],
        [{ name: "card", html: "<div></div>", csp: { connectDomains: ["api.example.com"] } }],
      ),
    );
    expect([...files.keys()]).toEqual([
      "tools/quote/handler.js",
      "tools/quote/input-schema.json",
      "tools/quote/output-schema.json",
      "tools/quote/tool.json",
      "tools/card/input-schema.json",
      "tools/card/tool.json",
      "components/card.html",
      "components/card.json",
    ]);
    expect(files.get("tools/quote/input-schema.json")).toBe('{\n  "properties": {},\n  "type": "object"\n}\n');
    expect(JSON.parse(files.get("tools/quote/tool.json") ?? "")).toEqual({
      kind: "data",
      title: "",
      description: "",
      annotations: {},
      component: null,
      allowedComponents: [],
      timeoutMs: 60000,
      memoryMb: 128,
    });
    expect(files.get("components/card.json")).toContain('"connectDomains"');
  });
});

describe("diffContents", () => {
  it("treats a first publish as everything added", () => {
    const diff = diffContents(null, contents([dataTool("quote")]));
    expect(diff.tools).toEqual({ added: ["quote"], modified: [], removed: [] });
    expect(diff.files.map((file) => [file.path, file.status])).toEqual([
      ["tools/quote/handler.js", "added"],
      ["tools/quote/input-schema.json", "added"],
      ["tools/quote/tool.json", "added"],
    ]);
    expect(diff.files[0].diff).toBe("--- /dev/null\n+++ b/tools/quote/handler.js\n@@ -0,0 +1,1 @@\n+async () => ({ ok: true })\n");
  });

  it("reports nothing for equal contents", () => {
    const same = contents([dataTool("quote")], [{ name: "c", html: "x", csp: {} }]);
    const diff = diffContents(same, structuredClone(same));
    expect(diff).toEqual({
      tools: { added: [], modified: [], removed: [] },
      components: { added: [], modified: [], removed: [] },
      prompts: { added: [], modified: [], removed: [] },
      resources: { added: [], modified: [], removed: [] },
      files: [],
    });
    expect(hasChanges(diff)).toBe(false);
  });

  it("names added, modified and removed tools and components, with a unified diff per changed file", () => {
    const before = contents([dataTool("keep"), dataTool("change"), dataTool("drop")], [{ name: "old", html: "<p>old</p>", csp: {} }]);
    const after = contents(
      [dataTool("keep"), dataTool("change", { handler: "async () => ({ ok: false })\n" }), dataTool("fresh")],
      [{ name: "old", html: "<p>new</p>", csp: {} }],
    );
    const diff = diffContents(before, after);
    expect(diff.tools).toEqual({ added: ["fresh"], modified: ["change"], removed: ["drop"] });
    expect(diff.components).toEqual({ added: [], modified: ["old"], removed: [] });
    expect(hasChanges(diff)).toBe(true);

    const handler = diff.files.find((file) => file.path === "tools/change/handler.js");
    expect(handler).toEqual({
      path: "tools/change/handler.js",
      status: "modified",
      diff: "--- a/tools/change/handler.js\n+++ b/tools/change/handler.js\n@@ -1,1 +1,1 @@\n-async () => ({ ok: true })\n+async () => ({ ok: false })\n",
    });
    expect(diff.files.filter((file) => file.path.startsWith("tools/drop/")).every((file) => file.status === "removed")).toBe(true);
    expect(diff.files.find((file) => file.path === "tools/drop/handler.js")?.diff).toContain("+++ /dev/null");
    expect(diff.files.find((file) => file.path === "components/old.html")?.status).toBe("modified");
    expect(diff.files.some((file) => file.path.startsWith("tools/keep/"))).toBe(false);
  });

  it("shows a schema change in the schema file only, and an added output schema as an added file", () => {
    const before = contents([dataTool("t")]);
    const after = contents([
      dataTool("t", { inputSchema: { type: "object", properties: { a: { type: "string" } } }, outputSchema: { type: "object" } }),
    ]);
    const diff = diffContents(before, after);
    expect(diff.files.map((file) => [file.path, file.status])).toEqual([
      ["tools/t/input-schema.json", "modified"],
      ["tools/t/output-schema.json", "added"],
    ]);
    expect(diff.files[0].diff).toContain('+    "a": {');
  });

  it("names test cases by tool and case, as files under tests/, and leaves the summary of contents without cases as before", () => {
    const paris = { tool: "t", name: "paris", input: { city: "paris" }, expectations: [{ kind: "isError" as const, value: false }] };
    const before: PackageContents = { ...contents([dataTool("t")]), testCases: [paris, { ...paris, name: "gone" }] };
    const after: PackageContents = {
      ...contents([dataTool("t")]),
      testCases: [
        { ...paris, input: { city: "lyon" } },
        { ...paris, tool: "u", name: "paris" },
      ],
    };
    const diff = diffContents(before, after);
    expect(diff.testCases).toEqual({ added: ["u/paris"], modified: ["t/paris"], removed: ["t/gone"] });
    expect(diff.files.map((file) => [file.path, file.status])).toEqual([
      ["tests/t/gone.json", "removed"],
      ["tests/t/paris.json", "modified"],
      ["tests/u/paris.json", "added"],
    ]);
    expect(diff.files[1].diff).toContain('+    "city": "lyon"');
    expect(hasChanges(diffContents({ ...before, testCases: [] }, before))).toBe(true);
    expect(diffContents(contents([dataTool("t")]), contents([dataTool("t")]))).not.toHaveProperty("testCases");
  });
});
