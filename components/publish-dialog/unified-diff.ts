// Reads the unified diff text the publish API returns (one file per diff) into rows the diff
// viewer renders: hunk headers, context, added and removed lines, each with its line numbers.

export type DiffRow =
  | { kind: "hunk"; text: string }
  | { kind: "context" | "added" | "removed"; text: string; oldLine: number | null; newLine: number | null }
  | { kind: "note"; text: string };

export type ParsedDiff = { rows: DiffRow[]; added: number; removed: number };

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(text: string): ParsedDiff {
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  const lines = text.split("\n");
  // The text ends with a newline: the last "line" is empty, not a blank context line.
  if (lines.at(-1) === "") lines.pop();

  for (const line of lines) {
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      inHunk = true;
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      rows.push({ kind: "hunk", text: line });
    } else if (!inHunk) {
    } else if (line.startsWith("+")) {
      added += 1;
      rows.push({ kind: "added", text: line.slice(1), oldLine: null, newLine: newLine++ });
    } else if (line.startsWith("-")) {
      removed += 1;
      rows.push({ kind: "removed", text: line.slice(1), oldLine: oldLine++, newLine: null });
    } else if (line.startsWith("\\")) {
      rows.push({ kind: "note", text: line.slice(1).trim() });
    } else {
      rows.push({ kind: "context", text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return { rows, added, removed };
}
