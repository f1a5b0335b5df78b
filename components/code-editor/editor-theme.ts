import { EditorView } from "@codemirror/view";

/** The editor in the studio's colours: mono type, a quiet gutter, the accent for the cursor. */
export function editorTheme({ minHeight, maxHeight }: { minHeight: string; maxHeight: string }) {
  return EditorView.theme({
    "&": { fontSize: "13px", backgroundColor: "transparent" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.6", minHeight, maxHeight, overflow: "auto" },
    ".cm-content": { padding: "8px 0", caretColor: "var(--color-accent)" },
    ".cm-gutters": { backgroundColor: "var(--color-subtle)", color: "var(--color-muted)", borderRight: "1px solid var(--color-line)" },
    ".cm-activeLine": { backgroundColor: "color-mix(in oklch, var(--color-accent-soft) 45%, transparent)" },
    ".cm-activeLineGutter": { backgroundColor: "var(--color-line)", color: "var(--color-fg)" },
    ".cm-cursor": { borderLeftColor: "var(--color-accent)", borderLeftWidth: "2px" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
      backgroundColor: "color-mix(in oklch, var(--color-accent) 22%, transparent) !important",
    },
    ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy var(--color-danger)", textUnderlineOffset: "3px" },
    ".cm-tooltip": { border: "1px solid var(--color-line)", borderRadius: "8px", boxShadow: "var(--shadow-overlay)", overflow: "hidden" },
    ".cm-diagnostic": { fontFamily: "var(--font-sans)", fontSize: "12px", padding: "6px 10px" },
    ".cm-gutter-lint": { width: "1.1em" },
  });
}
