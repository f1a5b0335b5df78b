"use client";

import { useEffect, useId, useState } from "react";
import { CodeEditor } from "@/components/code-editor/code-editor";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PropertyList } from "./schema-form";
import { formType, parseForForm, serializeSchema } from "./schema-model";

type Mode = "json" | "form";
const MODE_KEY = "atelier.schema-editor.mode";

/**
 * A JSON Schema as raw JSON or as a form, both editing the same text: the form parses it, changes
 * only what it was asked to, and writes it back with the keys in the author's order. The choice of
 * view is remembered in this browser.
 */
export function SchemaField({
  label,
  hint,
  value,
  onChange,
  readOnly,
  error,
  emptyLabel,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  error?: string;
  /** Offered in the form when the text is empty (an optional schema); absent: an empty object schema. */
  emptyLabel?: string;
}) {
  const hintId = useId();
  const errorId = useId();
  const [mode, setModeState] = useState<Mode>("json");
  // After hydration: the server cannot know this browser's choice.
  useEffect(() => {
    if (window.localStorage.getItem(MODE_KEY) === "form") setModeState("form");
  }, []);
  const setMode = (next: Mode) => {
    setModeState(next);
    window.localStorage.setItem(MODE_KEY, next);
  };
  const parsed = parseForForm(value);

  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium text-fg">{label}</p>
        <fieldset className="flex rounded-control border border-line p-0.5">
          <legend className="sr-only">{label}: view</legend>
          {(["form", "json"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              className={cn(
                "cursor-pointer rounded-[calc(var(--radius-control)-2px)] px-2.5 py-0.5 text-xs font-medium",
                mode === option ? "bg-subtle text-fg" : "text-muted hover:text-fg",
              )}
            >
              {option === "form" ? "Form" : "JSON"}
              <span className="sr-only"> {label}</span>
            </button>
          ))}
        </fieldset>
      </div>
      {mode === "json" ? (
        <CodeEditor
          language="json"
          label={label}
          value={value}
          onChange={onChange}
          readOnly={readOnly}
          invalid={Boolean(error)}
          describedBy={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
          minHeight="10rem"
          maxHeight="24rem"
        />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a group of controls, not a form of its own (the tool editor saves it).
        <div role="group" aria-label={`${label} form`} aria-describedby={hintId} className="rounded-lg border border-line bg-subtle/40 p-3">
          {"schema" in parsed ? (
            formType(parsed.schema) === "object" ? (
              <PropertyList path="" schema={parsed.schema} onChange={(schema) => onChange(serializeSchema(schema))} readOnly={readOnly} />
            ) : (
              <p className="text-sm text-muted">The form edits object schemas (type "object"). Use the JSON view for this one.</p>
            )
          ) : parsed.problem === "empty" ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-muted">No schema.</p>
              {!readOnly && (
                <Button size="sm" onClick={() => onChange(serializeSchema({ type: "object", properties: {} }))}>
                  {emptyLabel ?? "Start a schema"}
                </Button>
              )}
            </div>
          ) : (
            <p className="text-sm text-danger">{parsed.problem}</p>
          )}
        </div>
      )}
      <p id={hintId} className="text-xs text-muted">
        {hint}
      </p>
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
