import { describe, expect, it } from "vitest";
import { parseUnifiedDiff } from "./unified-diff";

describe("parseUnifiedDiff", () => {
  it("numbers context, added and removed lines from the hunk header and counts the changes", () => {
    const parsed = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n\\ No newline at end of file\n");
    expect(parsed.added).toBe(2);
    expect(parsed.removed).toBe(1);
    expect(parsed.rows).toEqual([
      { kind: "hunk", text: "@@ -1,3 +1,4 @@" },
      { kind: "context", text: "a", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "b", oldLine: 2, newLine: null },
      { kind: "added", text: "B", oldLine: null, newLine: 2 },
      { kind: "context", text: "c", oldLine: 3, newLine: 3 },
      { kind: "added", text: "d", oldLine: null, newLine: 4 },
      { kind: "note", text: "No newline at end of file" },
    ]);
  });

  it("reads a new file and keeps blank lines inside a hunk", () => {
    const parsed = parseUnifiedDiff("--- /dev/null\n+++ b/x\n@@ -0,0 +1,3 @@\n+a\n+\n+b\n");
    expect(parsed.rows.slice(1)).toEqual([
      { kind: "added", text: "a", oldLine: null, newLine: 1 },
      { kind: "added", text: "", oldLine: null, newLine: 2 },
      { kind: "added", text: "b", oldLine: null, newLine: 3 },
    ]);
  });

  it("starts numbering each hunk afresh", () => {
    const parsed = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n+b\n@@ -10,2 +10,2 @@\n k\n-c\n+d\n");
    expect(parsed.rows.filter((row) => row.kind === "context")).toEqual([{ kind: "context", text: "k", oldLine: 10, newLine: 10 }]);
  });
});
