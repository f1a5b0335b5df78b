"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select, Textarea } from "@/components/ui/input";
import { asSchema, emptyValue, fieldKind, isPlainObject, pointerTo, type JsonSchema } from "./schema-form-model";

/** A server validation error to show on the field at its JSON Pointer path. */
export type FieldProblem = { path: string; message: string };

type ControlProps = {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  pointer: string;
  problem?: FieldProblem;
  disabled: boolean;
};

/**
 * A form generated from the input schema. Labels are the property names (what the model sees);
 * arrays and nested objects are groups named after their property.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  problem,
  disabled = false,
}: {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  problem?: FieldProblem;
  disabled?: boolean;
}) {
  if (Object.keys(schema.properties ?? {}).length === 0) {
    return <p className="text-sm text-muted">This tool takes no arguments.</p>;
  }
  return <ObjectFields schema={schema} value={value} onChange={(next) => onChange(isPlainObject(next) ? next : {})} pointer="" problem={problem} disabled={disabled} />;
}

function ObjectFields({ schema, value, onChange, pointer, problem, disabled }: ControlProps) {
  const object = isPlainObject(value) ? value : {};
  const required = new Set(schema.required ?? []);
  const set = (name: string, next: unknown) => {
    const copy = { ...object };
    if (next === undefined) delete copy[name];
    else copy[name] = next;
    onChange(copy);
  };
  return (
    <div className="space-y-4">
      {Object.entries(schema.properties ?? {}).map(([name, property]) => (
        <PropertyField
          key={name}
          name={name}
          required={required.has(name)}
          schema={asSchema(property)}
          value={object[name]}
          onChange={(next) => set(name, next)}
          pointer={pointerTo(pointer, name)}
          problem={problem}
          disabled={disabled}
        />
      ))}
    </div>
  );
}

function FieldShell({
  label,
  htmlFor,
  required,
  hint,
  error,
  hintId,
  errorId,
  children,
}: {
  label: string;
  htmlFor?: string;
  required: boolean;
  hint?: string;
  error?: string;
  hintId: string;
  errorId: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline gap-2">
        <label htmlFor={htmlFor} className="font-mono text-[13px] font-medium text-fg">
          {label}
        </label>
        {required && <span className="text-[11px] text-muted">required</span>}
      </div>
      {children}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function PropertyField({ name, required, ...props }: ControlProps & { name: string; required: boolean }) {
  const id = useId();
  const kind = fieldKind(props.schema);
  const error = props.problem?.path === props.pointer ? props.problem.message : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.schema.description ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  if (kind === "array" || kind === "object") {
    return (
      <GroupField legend={name} required={required} hint={props.schema.description} error={error}>
        {kind === "array" ? <ArrayItems {...props} /> : <ObjectFields {...props} />}
      </GroupField>
    );
  }
  return (
    <FieldShell label={name} htmlFor={id} required={required} hint={props.schema.description} error={error} hintId={hintId} errorId={errorId}>
      <ScalarControl {...props} kind={kind} id={id} describedBy={describedBy} invalid={Boolean(error)} />
    </FieldShell>
  );
}

function GroupField({ legend, required, hint, error, children }: { legend: string; required: boolean; hint?: string; error?: string; children: ReactNode }) {
  const legendId = useId();
  return (
    <fieldset
      aria-labelledby={legendId}
      className={cn("space-y-3 rounded-lg border px-3 pt-2 pb-3", error ? "border-danger" : "border-line")}
    >
      <legend className="px-1">
        <span id={legendId} className="font-mono text-[13px] font-medium">
          {legend}
        </span>
        {required && <span className="ml-2 text-[11px] text-muted">required</span>}
      </legend>
      {hint && <p className="-mt-1 text-xs text-muted">{hint}</p>}
      {error && <p className="text-xs font-medium text-danger">{error}</p>}
      {children}
    </fieldset>
  );
}

function ArrayItems({ schema, value, onChange, pointer, problem, disabled }: ControlProps) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema = asSchema(schema.items);
  const kind = fieldKind(itemSchema);
  const set = (index: number, next: unknown) => onChange(items.map((item, position) => (position === index ? next : item)));
  return (
    <div className="space-y-2">
      {items.length === 0 && <p className="text-xs text-muted">No items.</p>}
      {items.map((item, index) => {
        const itemPointer = pointerTo(pointer, index);
        const label = `Item ${index + 1}`;
        const error = problem?.path === itemPointer ? problem.message : undefined;
        return (
          <div key={index} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              {kind === "object" || kind === "array" ? (
                <GroupField legend={label} required={false} error={error}>
                  {kind === "object" ? (
                    <ObjectFields schema={itemSchema} value={item} onChange={(next) => set(index, next)} pointer={itemPointer} problem={problem} disabled={disabled} />
                  ) : (
                    <ArrayItems schema={itemSchema} value={item} onChange={(next) => set(index, next)} pointer={itemPointer} problem={problem} disabled={disabled} />
                  )}
                </GroupField>
              ) : (
                <>
                  <ScalarControl
                    schema={itemSchema}
                    kind={kind}
                    value={item}
                    onChange={(next) => set(index, next)}
                    pointer={itemPointer}
                    disabled={disabled}
                    label={label}
                    invalid={Boolean(error)}
                  />
                  {error && <p className="mt-1 text-xs font-medium text-danger">{error}</p>}
                </>
              )}
            </div>
            <Button size="sm" variant="ghost" aria-label={`Remove item ${index + 1}`} disabled={disabled} onClick={() => onChange(items.filter((_, position) => position !== index))}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button size="sm" disabled={disabled} onClick={() => onChange([...items, emptyValue(itemSchema)])}>
        Add item
      </Button>
    </div>
  );
}

type ScalarProps = Omit<ControlProps, "problem"> & {
  kind: ReturnType<typeof fieldKind>;
  id?: string;
  label?: string;
  describedBy?: string;
  invalid: boolean;
};

function ScalarControl({ schema, kind, value, onChange, disabled, id, label, describedBy, invalid }: ScalarProps) {
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
        <Select {...common} value={index === -1 ? "" : String(index)} onChange={(event) => onChange(event.target.value === "" ? undefined : options[Number(event.target.value)])}>
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
      return <Input {...common} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)} />;
    default:
      return <JsonControl {...common} value={value} onChange={onChange} />;
  }
}

type NativeControl = { id?: string; "aria-label"?: string; "aria-describedby"?: string; "aria-invalid"?: boolean; disabled: boolean };

/**
 * Typed as text so "-" or "1." can be typed on the way to a number. What isn't a number is sent
 * as typed, and the endpoint's validation says so — that is what the test panel is for.
 */
function NumberControl({ value, onChange, integer, ...control }: NativeControl & { value: unknown; onChange: (value: unknown) => void; integer: boolean }) {
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
        let parsed: unknown = undefined;
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
