// What changed between two package contents (production → draft, or one version → the next), as
// the publish dialog and the History page show it: tool and component names added, modified or
// removed, and a unified diff per file. A package is presented as a small tree of files so a
// reviewer reads code as code and schemas as indented JSON:
//   tools/<name>/handler.js  tools/<name>/input-schema.json  tools/<name>/output-schema.json
//   tools/<name>/tool.json (everything else pinned)  components/<name>.html  components/<name>.json
//   prompts/<name>/prompt.json  prompts/<name>/handler.js
//   resources/<name>/resource.json  resources/<name>/contents.txt|.base64  resources/<name>/handler.js
//   tests/<tool>/<case>.json, tests/prompts/<prompt>/<case>.json, tests/resources/<resource>/<case>.json
//   (a saved test case: input and expectations)
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { targetKey } from "@/lib/test-cases/test-case-input";
import { canonicalJson } from "./canonical-json";
import type { ManifestComponent, ManifestPrompt, ManifestResource, ManifestTestCase, ManifestTool, PackageContents } from "./manifest";

export type FileStatus = "added" | "modified" | "removed";
export type FileDiff = { path: string; status: FileStatus; diff: string };
export type NameChanges = { added: string[]; modified: string[]; removed: string[] };
export type ChangeSummary = {
  tools: NameChanges;
  components: NameChanges;
  prompts: NameChanges;
  resources: NameChanges;
  /** Test cases by "<tool>/<case>" (prompts/<prompt>/<case>, resources/<resource>/<case>); present only when either side has some (older summaries keep their shape). */
  testCases?: NameChanges;
};
export type ContentsDiff = ChangeSummary & { files: FileDiff[] };

export function packageFiles(contents: PackageContents): Map<string, string> {
  const files = new Map<string, string>();
  for (const tool of contents.tools) for (const [path, text] of toolFiles(tool)) files.set(path, text);
  for (const component of contents.components) for (const [path, text] of componentFiles(component)) files.set(path, text);
  for (const prompt of contents.prompts ?? []) for (const [path, text] of promptFiles(prompt)) files.set(path, text);
  for (const resource of contents.resources ?? []) for (const [path, text] of resourceFiles(resource)) files.set(path, text);
  for (const testCase of contents.testCases ?? []) for (const [path, text] of testCaseFiles(testCase)) files.set(path, text);
  return files;
}

const EMPTY: PackageContents = { tools: [], components: [] };
const NO_CHANGES: NameChanges = { added: [], modified: [], removed: [] };

/** `before` is null for a first publish: everything is added. */
export function diffContents(before: PackageContents | null, after: PackageContents): ContentsDiff {
  return { ...summarizeChanges(before, after), files: fileDiffs(packageFiles(before ?? EMPTY), packageFiles(after)) };
}

/** Only the names, without computing any diff text (the History list needs no more). */
export function summarizeChanges(before: PackageContents | null, after: PackageContents): ChangeSummary {
  const old = before ?? EMPTY;
  return {
    tools: nameChanges(old.tools, after.tools, toolFiles),
    components: nameChanges(old.components, after.components, componentFiles),
    prompts: nameChanges(old.prompts ?? [], after.prompts ?? [], promptFiles),
    resources: nameChanges(old.resources ?? [], after.resources ?? [], resourceFiles),
    ...(old.testCases?.length || after.testCases?.length
      ? { testCases: nameChanges(keyedTestCases(old.testCases), keyedTestCases(after.testCases), (item) => testCaseFiles(item.testCase)) }
      : {}),
  };
}

/**
 * A test case is named "<tool>/<case>" (or "prompts/<prompt>/<case>", "resources/<resource>/<case>")
 * in change lists: case names are unique per target only.
 */
function keyedTestCases(testCases: ManifestTestCase[] | undefined) {
  return (testCases ?? []).map((testCase) => ({ name: `${targetKey(testCase)}/${testCase.name}`, testCase }));
}

function testCaseFiles(testCase: ManifestTestCase): Array<[string, string]> {
  return [
    [`tests/${targetKey(testCase)}/${testCase.name}.json`, prettyJson({ input: testCase.input, expectations: testCase.expectations })],
  ];
}

export function hasChanges(diff: ChangeSummary): boolean {
  return [diff.tools, diff.components, diff.prompts, diff.resources, diff.testCases ?? NO_CHANGES].some(
    (changes) => changes.added.length + changes.modified.length + changes.removed.length > 0,
  );
}

function toolFiles(tool: ManifestTool): Array<[string, string]> {
  const { name, handler, inputSchema, outputSchema, ...details } = tool;
  const base = `tools/${name}`;
  return [
    ...(tool.kind === "data" ? [[`${base}/handler.js`, handler] as [string, string]] : []),
    [`${base}/input-schema.json`, prettyJson(inputSchema)],
    ...(outputSchema ? [[`${base}/output-schema.json`, prettyJson(outputSchema)] as [string, string]] : []),
    [`${base}/tool.json`, prettyJson(details)],
  ];
}

// A TSX component shows its source next to the compiled document it pins.
function componentFiles(component: ManifestComponent): Array<[string, string]> {
  const { name, html, source, kind: _kind, ...details } = component;
  return [
    ...(component.kind === "tsx" ? [[`components/${name}.tsx`, source ?? ""] as [string, string]] : []),
    [`components/${name}.html`, html],
    [`components/${name}.json`, prettyJson(details)],
  ];
}

function promptFiles(prompt: ManifestPrompt): Array<[string, string]> {
  const { name, handler, mode, ...details } = prompt;
  const base = `prompts/${name}`;
  return [
    ...(mode === "handler" ? [[`${base}/handler.js`, handler] as [string, string]] : []),
    [`${base}/prompt.json`, prettyJson({ mode, ...details, ...(mode === "handler" ? { messages: [] } : {}) })],
  ];
}

function resourceFiles(resource: ManifestResource): Array<[string, string]> {
  const { name, handler, text, blob, ...details } = resource;
  const base = `resources/${name}`;
  return [
    ...(resource.kind === "template" ? [[`${base}/handler.js`, handler] as [string, string]] : []),
    ...(text !== null && resource.kind === "static" ? [[`${base}/contents.txt`, text] as [string, string]] : []),
    ...(blob !== null && resource.kind === "static" ? [[`${base}/contents.base64`, blob] as [string, string]] : []),
    [`${base}/resource.json`, prettyJson(details)],
  ];
}

/** Sorted keys, two-space indent, final newline: stable and diff-friendly. */
function prettyJson(value: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(value)), null, 2)}\n`;
}

/** An item is modified when any of its files changed. */
function nameChanges<T extends { name: string }>(oldItems: T[], newItems: T[], files: (item: T) => Array<[string, string]>): NameChanges {
  const fingerprints = (items: T[]) => new Map(items.map((item) => [item.name, canonicalJson(files(item))]));
  const before = fingerprints(oldItems);
  const after = fingerprints(newItems);
  return {
    added: [...after.keys()].filter((name) => !before.has(name)).sort(),
    modified: [...after.keys()].filter((name) => before.has(name) && before.get(name) !== after.get(name)).sort(),
    removed: [...before.keys()].filter((name) => !after.has(name)).sort(),
  };
}

function fileDiffs(oldFiles: Map<string, string>, newFiles: Map<string, string>): FileDiff[] {
  const paths = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const diffs: FileDiff[] = [];
  for (const path of paths) {
    const before = oldFiles.get(path);
    const after = newFiles.get(path);
    if (before === after) continue;
    const status: FileStatus = before === undefined ? "added" : after === undefined ? "removed" : "modified";
    const diff = createTwoFilesPatch(
      before === undefined ? "/dev/null" : `a/${path}`,
      after === undefined ? "/dev/null" : `b/${path}`,
      before ?? "",
      after ?? "",
      undefined,
      undefined,
      { headerOptions: FILE_HEADERS_ONLY },
    );
    diffs.push({ path, status, diff });
  }
  return diffs;
}
