"use client";

import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { cn } from "@/components/ui/cn";
import type { EditorHandle } from "./create-editor";
import type { HandlerWorld } from "./handler-completions";
import { loadEditor } from "./load-editor";

export type CodeLanguage = "javascript" | "json" | "html" | "tsx";

/** A problem to mark in the editor, 1-based like the server reports it. */
export type EditorDiagnostic = { line: number; column: number; message: string; severity?: "error" | "warning" };

// A page reached by client-side navigation starts fetching CodeMirror as soon as this module runs,
// alongside its rendering (a cold load has started earlier: preloadEditorForThisPage).
if (typeof window !== "undefined") void loadEditor();

/**
 * CodeMirror 6, bundled with the studio: line numbers, highlighting, bracket help, inline lint.
 * Controlled: `value` replaces the document when it differs from what the editor holds.
 * In editable editors Tab indents; Escape then Tab moves focus on (CodeMirror's tab focus mode),
 * so keyboard users can still leave the editor. `handlerWorld` turns on the handler's completion,
 * hover docs and as-you-type checks (JavaScript only). Until CodeMirror has loaded, the text shows
 * as plain, read-only text in the same box, and the box holds the page's speculative prefetching
 * (`data-defer-prefetch`, see components/ui/prefetch-gate.ts).
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
  const [editor, setEditor] = useState<EditorHandle | null>(null);
  const onChangeRef = useRef(onChange);
  const worldRef = useRef(handlerWorld);
  // What the editor is created with, once loaded: the props of that moment, not of the first render.
  const latestRef = useRef({ value, readOnly, label, invalid, describedBy });
  useEffect(() => {
    worldRef.current = handlerWorld;
  }, [handlerWorld]);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  useEffect(() => {
    latestRef.current = { value, readOnly, label, invalid, describedBy };
  }, [value, readOnly, label, invalid, describedBy]);

  // One view per mount; the language never changes for a given editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one view per mount; later prop changes reach it through the effects below.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const aborted = new AbortController();
    let handle: EditorHandle | null = null;
    loadEditor()
      .then(({ createEditor }) =>
        createEditor(
          host,
          {
            ...latestRef.current,
            doc: latestRef.current.value,
            language,
            minHeight,
            maxHeight,
            handlerWorld: handlerWorld ? () => worldRef.current ?? { inputSchema: {}, secretNames: [] } : null,
            onChange: (next) => onChangeRef.current?.(next),
          },
          aborted.signal,
        ),
      )
      .then((created) => {
        if (aborted.signal.aborted) return created?.destroy();
        handle = created;
        // The placeholder leaves in the same task the editor arrives: never both on screen, and
        // nothing under the pointer moves between a frame and the next.
        if (created) flushSync(() => setEditor(created));
      })
      .catch((error: unknown) => console.error("The code editor failed to load", error));
    return () => {
      aborted.abort();
      handle?.destroy();
    };
  }, []);

  useEffect(() => {
    editor?.setValue(value);
  }, [editor, value]);

  useEffect(() => {
    editor?.setAttributes({ readOnly, label, invalid, describedBy });
  }, [editor, readOnly, label, invalid, describedBy]);

  useEffect(() => {
    if (!editor || language === "json") return; // JSON editors lint themselves as you type
    // A handler editor lints itself as you type; only the server's findings after a save are added.
    if (worldRef.current && !diagnostics?.length) return;
    editor.setDiagnostics(diagnostics ?? []);
  }, [editor, diagnostics, language]);

  return (
    <div
      ref={hostRef}
      data-code-editor=""
      data-defer-prefetch={editor ? undefined : ""}
      className={cn(
        "overflow-hidden rounded-control border bg-surface shadow-xs transition-colors",
        "focus-within:border-accent focus-within:outline-2 focus-within:outline-accent/30",
        invalid ? "border-danger focus-within:outline-danger/30" : "border-line-strong",
        readOnly && "bg-subtle",
        className,
      )}
    >
      {editor ? null : (
        <pre
          aria-hidden="true"
          className="overflow-auto whitespace-pre py-2 pl-12 font-mono text-muted"
          style={{ minHeight, maxHeight, fontSize: "13px", lineHeight: 1.6 }}
        >
          {value}
        </pre>
      )}
    </div>
  );
}
