"use client";

import { SchemaField } from "@/components/schema-editor/schema-field";

/** Input and output JSON Schema (2020-12), as a form or raw JSON. Invalid JSON is flagged as you type and never sent. */
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
      <SchemaField
        label="Input schema"
        hint="JSON Schema 2020-12 with type object. Arguments are validated against it before the tool runs; the test panel builds its form from it."
        value={inputSchema}
        onChange={(value) => onChange("inputSchema", value)}
        readOnly={readOnly}
        error={errors.inputSchema}
      />
      <SchemaField
        label="Output schema"
        emptyLabel="Add an output schema"
        hint="Optional. When set, every result is checked against it and hosts can rely on its shape. Leave empty for none."
        value={outputSchema}
        onChange={(value) => onChange("outputSchema", value)}
        readOnly={readOnly}
        error={errors.outputSchema}
      />
    </div>
  );
}
