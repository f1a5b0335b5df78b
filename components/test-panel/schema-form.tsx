"use client";

import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { ScalarControl } from "./scalar-controls";
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
  return (
    <ObjectFields
      schema={schema}
      value={value}
      onChange={(next) => onChange(isPlainObject(next) ? next : {})}
      pointer=""
      problem={problem}
      disabled={disabled}
    />
  );
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

function PropertyField({ name, required, ...props }: ControlProps & { name: string; required: boolean }) {
  const kind = fieldKind(props.schema);
  const error = props.problem?.path === props.pointer ? props.problem.message : undefined;

  if (kind === "array" || kind === "object") {
    return (
      <GroupField legend={name} required={required} hint={props.schema.description} error={error}>
        {kind === "array" ? <ArrayItems {...props} /> : <ObjectFields {...props} />}
      </GroupField>
    );
  }
  return (
    <Field
      label={name}
      labelClassName="font-mono"
      labelAside={required && <span className="text-[11px] text-muted">required</span>}
      hint={props.schema.description}
      error={error}
    >
      {(control) => (
        <ScalarControl {...props} kind={kind} id={control.id} describedBy={control["aria-describedby"]} invalid={Boolean(error)} />
      )}
    </Field>
  );
}

function GroupField({
  legend,
  required,
  hint,
  error,
  children,
}: {
  legend: string;
  required: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
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
                    <ObjectFields
                      schema={itemSchema}
                      value={item}
                      onChange={(next) => set(index, next)}
                      pointer={itemPointer}
                      problem={problem}
                      disabled={disabled}
                    />
                  ) : (
                    <ArrayItems
                      schema={itemSchema}
                      value={item}
                      onChange={(next) => set(index, next)}
                      pointer={itemPointer}
                      problem={problem}
                      disabled={disabled}
                    />
                  )}
                </GroupField>
              ) : (
                <>
                  <ScalarControl
                    schema={itemSchema}
                    kind={kind}
                    value={item}
                    onChange={(next) => set(index, next)}
                    disabled={disabled}
                    label={label}
                    invalid={Boolean(error)}
                  />
                  {error && <p className="mt-1 text-xs font-medium text-danger">{error}</p>}
                </>
              )}
            </div>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove item ${index + 1}`}
              disabled={disabled}
              onClick={() => onChange(items.filter((_, position) => position !== index))}
            >
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
