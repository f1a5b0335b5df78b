// What changed between two package contents (production → draft, or one version → the next), as
// the publish dialog and the History page show it: tool and component names added, modified or
// removed, and a unified diff per file. A package is presented as a small tree of files so a
// reviewer reads code as code and schemas as indented JSON:
//   tools/<name>/handler.js  tools/<name>/input-schema.json  tools/<name>/output-schema.json
//   tools/<name>/tool.json (everything else pinned)  components/<name>.html  components/<name>.json
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { canonicalJson } from "./canonical-json";
import type { ManifestComponent, ManifestTool, PackageContents } from "./manifest";

export type FileStatus = "added" | "modified" | "removed";
export type FileDiff = { path: string; status: FileStatus; diff: string };
export type NameChanges = { added: string[]; modified: string[]; removed: string[] };
export type ChangeSummary = { tools: NameChanges; components: NameChanges };
export type ContentsDiff = ChangeSummary & { files: FileDiff[] };

export function packageFiles(contents: PackageContents): Map<string, string> {
  const files = new Map<string, string>();
  for (const tool of contents.tools) for (const [path, text] of toolFiles(tool)) files.set(path, text);
  for (const component of contents.components) for (const [path, text] of componentFiles(component)) files.set(path, text);
  return files;
}

const EMPTY: PackageContents = { tools: [], components: [] };

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
  };
}

export function hasChanges(diff: ChangeSummary): boolean {
  return [diff.tools, diff.components].some((changes) => changes.added.length + changes.modified.length + changes.removed.length > 0);
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

function componentFiles(component: ManifestComponent): Array<[string, string]> {
  return [
    [`components/${component.name}.html`, component.html],
    [`components/${component.name}.json`, prettyJson({ csp: component.csp })],
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
