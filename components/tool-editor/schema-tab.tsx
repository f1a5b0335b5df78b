"use client";

import { useId } from "react";
import { CodeEditor } from "@/components/code-editor/code-editor";

function SchemaEditor({
  label,
  hint,
  value,
  onChange,
  readOnly,
  error,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  error?: string;
}) {
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium text-fg">{label}</p>
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

/** Input and output JSON Schema (2020-12). Invalid JSON is flagged as you type and never sent. */
export function SchemaTab({
  inputSchema,
  outputSchema,
  onChange,
  readOnly,
  errors,
}: {
  inputSchema: string;
  outputSchema: string;
  onChange: (field: "inputSchema" | "outputSchema", value: string) => void;
  readOnly: boolean;
  errors: { inputSchema?: string; outputSchema?: string };
}) {
  return (
    <div className="space-y-6">
      <SchemaEditor
        label="Input schema"
        hint="JSON Schema 2020-12 with type object. Arguments are validated against it before the tool runs; the test panel builds its form from it."
        value={inputSchema}
        onChange={(value) => onChange("inputSchema", value)}
        readOnly={readOnly}
        error={errors.inputSchema}
      />
      <SchemaEditor
        label="Output schema"
        hint="Optional. When set, every result is checked against it and hosts can rely on its shape. Leave empty for none."
        value={outputSchema}
        onChange={(value) => onChange("outputSchema", value)}
        readOnly={readOnly}
        error={errors.outputSchema}
      />
    </div>
  );
}
