"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import {
  enumText,
  FORM_TYPES,
  formType,
  freshName,
  isObject,
  parseEnum,
  properties,
  requiredNames,
  withKey,
  withoutProperty,
  withProperty,
  withRenamedProperty,
  withRequired,
  withType,
  type FormType,
  type JsonObject,
} from "./schema-model";

type Edit = (schema: JsonObject) => void;

/** A text input that applies its value when it loses focus (or on Enter), for values that can't change per keystroke. */
function CommitInput({
  value,
  onCommit,
  validate,
  ...props
}: { value: string; onCommit: (value: string) => void; validate: (value: string) => string | null } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange"
>) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? value;
  const problem = text === null ? null : validate(text);
  const commit = () => {
    if (text === null) return;
    if (!validate(text)) onCommit(text);
    setText(null);
  };
  return (
    <span className="block">
      <Input
        {...props}
        value={shown}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
      />
      {problem && <span className="mt-1 block text-xs text-danger">{problem}</span>}
    </span>
  );
}

function TypeSelect({ label, schema, onChange, disabled }: { label: string; schema: JsonObject; onChange: Edit; disabled: boolean }) {
  const type = formType(schema);
  return (
    <Select
      aria-label={label}
      controlSize="sm"
      value={type ?? "other"}
      disabled={disabled || type === null}
      onChange={(event) => onChange(withType(schema, event.target.value as FormType))}
    >
      {FORM_TYPES.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
      {type === null && <option value="other">other (edit in JSON)</option>}
    </Select>
  );
}

/** Nested parts of a schema: an object's properties, an array's items. */
function Nested({ path, schema, onChange, readOnly }: { path: string; schema: JsonObject; onChange: Edit; readOnly: boolean }) {
  const type = formType(schema);
  if (type === "object") return <PropertyList path={path} schema={schema} onChange={onChange} readOnly={readOnly} />;
  if (type !== "array") return null;
  const items = isObject(schema.items) ? schema.items : {};
  const setItems = (next: JsonObject) => onChange(withKey(schema, "items", next));
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 text-xs text-muted">
        <span>Items of {path}</span>
        <div className="w-36">
          <TypeSelect label={`Type of items of ${path}`} schema={items} onChange={setItems} disabled={readOnly} />
        </div>
      </div>
      <Nested path={`${path}[]`} schema={items} onChange={setItems} readOnly={readOnly} />
    </div>
  );
}

function PropertyRow({
  path,
  name,
  schema,
  parent,
  onParentChange,
  readOnly,
}: {
  path: string;
  name: string;
  schema: JsonObject;
  parent: JsonObject;
  onParentChange: Edit;
  readOnly: boolean;
}) {
  const type = formType(schema);
  const required = requiredNames(parent).includes(name);
  const setSchema = (next: JsonObject) => onParentChange(withProperty(parent, name, next));
  const taken = new Set(properties(parent).map(([other]) => other));
  const description = typeof schema.description === "string" ? schema.description : "";

  return (
    <li className="space-y-2 rounded-lg border border-line bg-surface p-3">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_auto_auto] sm:items-start">
        <CommitInput
          aria-label={`Name of ${path}`}
          className="h-8 font-mono text-[13px]"
          value={name}
          readOnly={readOnly}
          validate={(value) =>
            !value.trim() ? "A name is required." : value !== name && taken.has(value) ? "Another property has this name." : null
          }
          onCommit={(value) => onParentChange(withRenamedProperty(parent, name, value))}
        />
        <TypeSelect label={`Type of ${path}`} schema={schema} onChange={setSchema} disabled={readOnly} />
        <label className="flex h-8 items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent"
            checked={required}
            disabled={readOnly}
            onChange={(event) => onParentChange(withRequired(parent, name, event.target.checked))}
          />
          Required<span className="sr-only"> {path}</span>
        </label>
        <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => onParentChange(withoutProperty(parent, name))}>
          Remove<span className="sr-only"> {path}</span>
        </Button>
      </div>
      <Input
        aria-label={`Description of ${path}`}
        className="h-8"
        placeholder="Description (what the model should pass)"
        value={description}
        readOnly={readOnly}
        onChange={(event) => setSchema(withKey(schema, "description", event.target.value || undefined))}
      />
      {(type === "string" || type === "number" || type === "integer") && (
        <CommitInput
          aria-label={`Allowed values of ${path}`}
          className="h-8"
          placeholder="Allowed values, comma-separated (any if empty)"
          value={enumText(schema)}
          readOnly={readOnly}
          validate={(value) => parseEnum(value, type).error ?? null}
          onCommit={(value) => setSchema(withKey(schema, "enum", parseEnum(value, type).values))}
        />
      )}
      {(type === "object" || type === "array") && (
        <div className="border-l-2 border-line pl-3">
          <Nested path={path} schema={schema} onChange={setSchema} readOnly={readOnly} />
        </div>
      )}
    </li>
  );
}

/** An object schema's properties, each with its name, type, required flag, description and allowed values. */
export function PropertyList({
  path,
  schema,
  onChange,
  readOnly,
}: {
  path: string;
  schema: JsonObject;
  onChange: Edit;
  readOnly: boolean;
}) {
  const entries = properties(schema);
  const label = (name: string) => (path ? `${path}.${name}` : name);
  return (
    <div className="space-y-2">
      {entries.length === 0 ? (
        <p className="text-sm text-muted">No properties{path ? ` in ${path}` : ""}.</p>
      ) : (
        <ul className="space-y-2">
          {entries.map(([name, property], index) => (
            <PropertyRow
              // By position: a rename keeps the row (and its focus).
              key={index}
              path={label(name)}
              name={name}
              schema={property}
              parent={schema}
              onParentChange={onChange}
              readOnly={readOnly}
            />
          ))}
        </ul>
      )}
      {!readOnly && (
        <Button size="sm" onClick={() => onChange(withProperty(schema, freshName(schema), { type: "string" }))}>
          Add property{path ? <span className="sr-only"> to {path}</span> : null}
        </Button>
      )}
    </div>
  );
}
