// The CodeMirror 6 side of <CodeEditor>: loaded with a dynamic import once the page is on screen,
// so no page carries CodeMirror in the JavaScript it needs to become interactive. The language
// packages load on demand too (an HTML editor's lang-html is no part of a handler editor's download).
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, lintGutter, linter, lintKeymap, setDiagnostics } from "@codemirror/lint";
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
import type { CodeLanguage, EditorDiagnostic } from "./code-editor";
import { editorTheme } from "./editor-theme";
import { handlerCompletionSource, handlerDocAt, type HandlerWorld } from "./handler-completions";

// The handler's as-you-type checks parse with acorn (~100 KB): loaded by the first check (300 ms
// after the editor is created), not before the editor can be used.
const loadHandlerLint = () => import("./handler-lint");

const LANGUAGES: Record<CodeLanguage, () => Promise<Extension>> = {
  javascript: async () => (await import("@codemirror/lang-javascript")).javascript(),
  json: async () => {
    const { json, jsonParseLinter } = await import("@codemirror/lang-json");
    const parseJson = jsonParseLinter();
    // An empty document is "nothing yet" (an optional output schema), not a syntax error to underline.
    const lintJsonUnlessEmpty = (view: EditorView): Diagnostic[] => (view.state.doc.toString().trim() === "" ? [] : parseJson(view));
    return [json(), linter(lintJsonUnlessEmpty, { delay: 300 })];
  },
  html: async () => [(await import("@codemirror/lang-html")).html(), EditorView.lineWrapping],
  tsx: async () => (await import("@codemirror/lang-javascript")).javascript({ jsx: true, typescript: true }),
};

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
async function handlerExtensions(world: () => HandlerWorld): Promise<Extension> {
  return [
    await LANGUAGES.javascript(),
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
      async (view) =>
        (await loadHandlerLint()).lintHandler(view.state.doc.toString()).map((problem) => {
          const line = view.state.doc.line(Math.min(problem.line, view.state.doc.lines));
          const from = Math.min(line.from + problem.column - 1, line.to);
          const to = Math.min(line.from + problem.endColumn - 1, line.to);
          return { from, to: Math.max(to, from), severity: problem.severity, message: problem.message, source: "JavaScript" };
        }),
      { delay: 300 },
    ),
  ];
}

export type EditorAttributes = { label: string; readOnly: boolean; invalid: boolean; describedBy?: string };

export type EditorOptions = EditorAttributes & {
  doc: string;
  language: CodeLanguage;
  minHeight: string;
  maxHeight: string;
  /** Turns on the handler's completion, hover docs and as-you-type checks (JavaScript only). */
  handlerWorld: (() => HandlerWorld) | null;
  onChange: (value: string) => void;
};

export type EditorHandle = {
  setValue: (value: string) => void;
  setAttributes: (attributes: EditorAttributes) => void;
  setDiagnostics: (diagnostics: EditorDiagnostic[]) => void;
  destroy: () => void;
};

function contentAttributes(options: EditorAttributes) {
  return EditorView.contentAttributes.of({
    "aria-label": options.label,
    ...(options.readOnly ? { "aria-readonly": "true" } : {}),
    ...(options.invalid ? { "aria-invalid": "true" } : {}),
    ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
  });
}

/** Mounts an editor in `parent` once its language is loaded; null when `signal` was aborted meanwhile. */
export async function createEditor(parent: HTMLElement, options: EditorOptions, signal: AbortSignal): Promise<EditorHandle | null> {
  const handler = options.handlerWorld && options.language === "javascript" ? options.handlerWorld : null;
  const language = handler ? await handlerExtensions(handler) : await LANGUAGES[options.language]();
  if (signal.aborted) return null;
  const readOnlyCompartment = new Compartment();
  const attributesCompartment = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
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
        ...(handler ? [] : [autocompletion()]),
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
        language,
        editorTheme({ minHeight: options.minHeight, maxHeight: options.maxHeight }),
        readOnlyCompartment.of(EditorState.readOnly.of(options.readOnly)),
        attributesCompartment.of(contentAttributes(options)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setValue: (value) => {
      if (view.state.doc.toString() === value) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    setAttributes: (attributes) =>
      view.dispatch({
        effects: [
          readOnlyCompartment.reconfigure(EditorState.readOnly.of(attributes.readOnly)),
          attributesCompartment.reconfigure(contentAttributes(attributes)),
        ],
      }),
    setDiagnostics: (diagnostics) => view.dispatch(setDiagnostics(view.state, toCodeMirrorDiagnostics(view.state, diagnostics))),
    destroy: () => view.destroy(),
  };
}
