"use client";

import { useState } from "react";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { FieldKind, JsonSchema } from "./schema-form-model";

// The controls of single values in the generated form: text, number, checkbox, enum select, JSON.

export type ScalarProps = {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  kind: FieldKind;
  id?: string;
  label?: string;
  describedBy?: string;
  invalid: boolean;
};

export function ScalarControl({ schema, kind, value, onChange, disabled, id, label, describedBy, invalid }: ScalarProps) {
  const common = { id, "aria-label": label, "aria-describedby": describedBy, "aria-invalid": invalid || undefined, disabled } as const;
  switch (kind) {
    case "boolean":
      return (
        <input
          {...common}
          type="checkbox"
          className="block size-4 accent-accent"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    case "enum": {
      const options = schema.enum ?? [];
      const index = options.findIndex((option) => JSON.stringify(option) === JSON.stringify(value));
      return (
        <Select
          {...common}
          value={index === -1 ? "" : String(index)}
          onChange={(event) => onChange(event.target.value === "" ? undefined : options[Number(event.target.value)])}
        >
          <option value="">— not set —</option>
          {options.map((option, position) => (
            <option key={position} value={position}>
              {typeof option === "string" ? option : JSON.stringify(option)}
            </option>
          ))}
        </Select>
      );
    }
    case "number":
    case "integer":
      return <NumberControl {...common} value={value} onChange={onChange} integer={kind === "integer"} />;
    case "string":
      return (
        <Input
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        />
      );
    default:
      return <JsonControl {...common} value={value} onChange={onChange} />;
  }
}

type NativeControl = { id?: string; "aria-label"?: string; "aria-describedby"?: string; "aria-invalid"?: boolean; disabled: boolean };

/**
 * Typed as text so "-" or "1." can be typed on the way to a number. What isn't a number is sent
 * as typed, and the endpoint's validation says so — that is what the test panel is for.
 */
function NumberControl({
  value,
  onChange,
  integer,
  ...control
}: NativeControl & { value: unknown; onChange: (value: unknown) => void; integer: boolean }) {
  const text = useLocalText(value, (current) => (current === undefined ? "" : String(current)));
  return (
    <Input
      {...control}
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      autoComplete="off"
      className="font-mono"
      value={text.value}
      onChange={(event) => {
        const next = event.target.value;
        const number = Number(next);
        const parsed = next.trim() === "" ? undefined : Number.isFinite(number) ? number : next;
        text.set(next, parsed);
        onChange(parsed);
      }}
    />
  );
}

/** For schemas the form can't model (anyOf, $ref, no type): a JSON value typed by hand. */
function JsonControl({ value, onChange, ...control }: NativeControl & { value: unknown; onChange: (value: unknown) => void }) {
  const text = useLocalText(value, (current) => (current === undefined ? "" : JSON.stringify(current)));
  return (
    <Textarea
      {...control}
      rows={2}
      spellCheck={false}
      className="min-h-0 font-mono text-[13px]"
      placeholder="JSON value"
      value={text.value}
      onChange={(event) => {
        const next = event.target.value;
        let parsed: unknown;
        if (next.trim() !== "") {
          try {
            parsed = JSON.parse(next);
          } catch {
            parsed = next;
          }
        }
        text.set(next, parsed);
        onChange(parsed);
      }}
    />
  );
}

/**
 * The text a control shows while its value is being typed ("1." is not yet a number). When the
 * value changes from outside (a removed array item, a preset), the text follows it.
 */
function useLocalText(value: unknown, display: (value: unknown) => string) {
  const [local, setLocal] = useState({ text: display(value), value });
  let text = local.text;
  if (JSON.stringify(local.value) !== JSON.stringify(value)) {
    text = display(value);
    setLocal({ text, value });
  }
  return { value: text, set: (next: string, parsed: unknown) => setLocal({ text: next, value: parsed }) };
}
