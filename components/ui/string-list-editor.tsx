"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * An editable list of short strings (domains, origins): type one and press Enter or Add;
 * each entry has its own Remove button. Duplicates are ignored; the server validates the format.
 */
export function StringListEditor({
  label,
  itemLabel,
  values,
  onChange,
  placeholder,
  readOnly = false,
  error,
  emptyText,
  normalize = (value) => value.trim(),
}: {
  label: string;
  itemLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  readOnly?: boolean;
  error?: string;
  emptyText: string;
  normalize?: (value: string) => string;
}) {
  const [text, setText] = useState("");
  const inputId = useId();
  const errorId = useId();

  function add() {
    const value = normalize(text);
    if (!value) return;
    if (!values.includes(value)) onChange([...values, value]);
    setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  }

  return (
    <div className="space-y-2">
      {values.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong px-3 py-2.5 text-sm text-muted">{emptyText}</p>
      ) : (
        <ul aria-label={label} className="divide-y divide-line rounded-lg border border-line">
          {values.map((value) => (
            <li key={value} className="flex items-center justify-between gap-3 px-3 py-1.5">
              <span className="min-w-0 truncate font-mono text-[13px]">{value}</span>
              {!readOnly && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${value}`}
                  onClick={() => onChange(values.filter((item) => item !== value))}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="flex gap-2">
          <label htmlFor={inputId} className="sr-only">
            {itemLabel}
          </label>
          <Input
            id={inputId}
            value={text}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            className="font-mono text-[13px]"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <Button onClick={add} disabled={!text.trim()}>
            Add
          </Button>
        </div>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
