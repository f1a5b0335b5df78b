"use client";

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, linter, lintKeymap, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { editorTheme } from "./editor-theme";
import { handlerCompletionSource, handlerDocAt, type HandlerWorld } from "./handler-completions";
import { lintHandler } from "./handler-lint";

export type CodeLanguage = "javascript" | "json" | "html" | "tsx";

/** A problem to mark in the editor, 1-based like the server reports it. */
export type EditorDiagnostic = { line: number; column: number; message: string; severity?: "error" | "warning" };

const LANGUAGES: Record<CodeLanguage, () => Extension> = {
  javascript: () => javascript(),
  json: () => [json(), linter(lintJsonUnlessEmpty, { delay: 300 })],
  html: () => [html(), EditorView.lineWrapping],
  tsx: () => javascript({ jsx: true, typescript: true }),
};

const parseJson = jsonParseLinter();
// An empty document is "nothing yet" (an optional output schema), not a syntax error to underline.
function lintJsonUnlessEmpty(view: EditorView): Diagnostic[] {
  return view.state.doc.toString().trim() === "" ? [] : parseJson(view);
}

function toCodeMirrorDiagnostics(state: EditorState, diagnostics: EditorDiagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const line = state.doc.line(Math.min(Math.max(diagnostic.line, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max(diagnostic.column - 1, 0), line.to);
    // Mark at least one character so the underline shows, unless the error is at the very end.
    const to = from < line.to ? from + 1 : from;
    return { from, to, severity: diagnostic.severity ?? "error", message: diagnostic.message, source: "Save" };
  });
}

/** Completion, hover docs and as-you-type checks for a Data Tool handler (`async (props, env) => …`). */
function handlerExtensions(world: () => HandlerWorld): Extension {
  return [
    javascript(),
    autocompletion({ override: [handlerCompletionSource(world)] }),
    hoverTooltip((view, pos, side) => {
      const doc = handlerDocAt(world(), view.state, pos, side);
      if (!doc) return null;
      return {
        pos: doc.from,
        end: doc.to,
        above: true,
        create: () => {
          const dom = document.createElement("div");
          dom.className = "cm-handler-doc";
          dom.textContent = doc.text;
          return { dom };
        },
      };
    }),
    linter(
      (view) =>
        lintHandler(view.state.doc.toString()).map((problem) => {
          const line = view.state.doc.line(Math.min(problem.line, view.state.doc.lines));
          const from = Math.min(line.from + problem.column - 1, line.to);
          const to = Math.min(line.from + problem.endColumn - 1, line.to);
          return { from, to: Math.max(to, from), severity: problem.severity, message: problem.message, source: "JavaScript" };
        }),
      { delay: 300 },
    ),
  ];
}

/**
 * CodeMirror 6, bundled with the studio: line numbers, highlighting, bracket help, inline lint.
 * Controlled: `value` replaces the document when it differs from what the editor holds.
 * In editable editors Tab indents; Escape then Tab moves focus on (CodeMirror's tab focus mode),
 * so keyboard users can still leave the editor. `handlerWorld` turns on the handler's completion,
 * hover docs and as-you-type checks (JavaScript only).
 */
export function CodeEditor({
  value,
  onChange,
  language,
  label,
  readOnly = false,
  diagnostics,
  invalid = false,
  describedBy,
  minHeight = "12rem",
  maxHeight = "32rem",
  className,
  handlerWorld,
}: {
  handlerWorld?: HandlerWorld;
  value: string;
  onChange?: (value: string) => void;
  language: CodeLanguage;
  label: string;
  readOnly?: boolean;
  diagnostics?: EditorDiagnostic[];
  invalid?: boolean;
  describedBy?: string;
  minHeight?: string;
  maxHeight?: string;
  className?: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const readOnlyCompartment = useRef(new Compartment());
  const attributesCompartment = useRef(new Compartment());
  const worldRef = useRef(handlerWorld);
  useEffect(() => {
    worldRef.current = handlerWorld;
  }, [handlerWorld]);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // One view per mount; the language never changes for a given editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one view per mount; later prop changes reach it through the compartments and the sync effects below.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          dropCursor(),
          indentOnInput(),
          indentUnit.of("  "),
          EditorState.tabSize.of(2),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          bracketMatching(),
          closeBrackets(),
          ...(handlerWorld && language === "javascript" ? [] : [autocompletion()]),
          highlightActiveLine(),
          highlightSelectionMatches(),
          lintGutter(),
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...searchKeymap,
            ...historyKeymap,
            ...completionKeymap,
            ...lintKeymap,
            indentWithTab,
          ]),
          handlerWorld && language === "javascript"
            ? handlerExtensions(() => worldRef.current ?? { inputSchema: {}, secretNames: [] })
            : LANGUAGES[language](),
          editorTheme({ minHeight, maxHeight }),
          readOnlyCompartment.current.of(EditorState.readOnly.of(readOnly)),
          attributesCompartment.current.of(contentAttributes({ label, readOnly, invalid, describedBy })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; later prop changes are dispatched below
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        readOnlyCompartment.current.reconfigure(EditorState.readOnly.of(readOnly)),
        attributesCompartment.current.reconfigure(contentAttributes({ label, readOnly, invalid, describedBy })),
      ],
    });
  }, [readOnly, label, invalid, describedBy]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || language === "json") return; // JSON editors lint themselves as you type
    // A handler editor lints itself as you type; only the server's findings after a save are added.
    if (worldRef.current && !diagnostics?.length) return;
    view.dispatch(setDiagnostics(view.state, toCodeMirrorDiagnostics(view.state, diagnostics ?? [])));
  }, [diagnostics, language]);

  return (
    <div
      ref={hostRef}
      className={cn(
        "overflow-hidden rounded-control border bg-surface shadow-xs transition-colors",
        "focus-within:border-accent focus-within:outline-2 focus-within:outline-accent/30",
        invalid ? "border-danger focus-within:outline-danger/30" : "border-line-strong",
        readOnly && "bg-subtle",
        className,
      )}
    />
  );
}

function contentAttributes(options: { label: string; readOnly: boolean; invalid: boolean; describedBy?: string }) {
  return EditorView.contentAttributes.of({
    "aria-label": options.label,
    ...(options.readOnly ? { "aria-readonly": "true" } : {}),
    ...(options.invalid ? { "aria-invalid": "true" } : {}),
    ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
  });
}
