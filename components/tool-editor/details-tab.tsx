"use client";

import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ANNOTATION_HINTS, LIMITS, type AnnotationKey, type DraftErrors, type ToolDraft } from "./tool-draft";

const format = (value: number) => value.toLocaleString("en-US");

/** Title, description, annotations and sandbox limits. */
export function DetailsTab({
  draft,
  kind,
  onChange,
  readOnly,
  errors,
}: {
  draft: ToolDraft;
  kind: "data" | "ui";
  onChange: (patch: Partial<ToolDraft>) => void;
  readOnly: boolean;
  errors: DraftErrors;
}) {
  const setAnnotation = (key: AnnotationKey, value: boolean) => onChange({ annotations: { ...draft.annotations, [key]: value } });

  return (
    <div className="space-y-6">
      <div className="grid gap-4">
        <Field
          label="Name"
          hint="What hosts call the tool, lowercase_with_underscores. Fixed once the tool has been published."
          error={errors.name}
        >
          {(control) => (
            <Input
              {...control}
              value={draft.name}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              readOnly={readOnly}
              className="font-mono"
              onChange={(event) => onChange({ name: event.target.value })}
            />
          )}
        </Field>
        <Field label="Title" hint="A human-readable name hosts show instead of the tool name." error={errors.title}>
          {(control) => (
            <Input
              {...control}
              value={draft.title}
              maxLength={200}
              readOnly={readOnly}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          )}
        </Field>
        <Field label="Description" hint="What the tool does and when to use it: the model reads this to decide." error={errors.description}>
          {(control) => (
            <Textarea
              {...control}
              rows={4}
              value={draft.description}
              readOnly={readOnly}
              onChange={(event) => onChange({ description: event.target.value })}
            />
          )}
        </Field>
      </div>

      <Field
        label="Who can call it"
        hint="MCP Apps visibility. App-only tools are for components to call (a refresh button): hosts keep them from the model."
        error={errors.visibility}
      >
        {(control) => (
          <select
            {...control}
            value={draft.visibility}
            disabled={readOnly}
            className="w-full rounded-control border border-line-strong bg-surface px-3 py-2 text-sm"
            onChange={(event) => onChange({ visibility: event.target.value as ToolDraft["visibility"] })}
          >
            <option value="both">The model and components (default)</option>
            <option value="model">The model only</option>
            <option value="app">Components only (app-only)</option>
          </select>
        )}
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Annotations</legend>
        <p className="text-xs text-muted">
          Hints hosts use to decide how carefully to treat a call. They describe the tool; they don&apos;t enforce anything.
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {ANNOTATION_HINTS.map(({ key, label, hint }) => (
            <label
              key={key}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-3 py-2.5 has-[:checked]:border-accent/40 has-[:checked]:bg-accent-soft/40"
            >
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-accent"
                checked={draft.annotations[key]}
                disabled={readOnly}
                onChange={(event) => setAnnotation(key, event.target.checked)}
              />
              <span className="space-y-0.5">
                <span className="block text-sm font-medium">{label}</span>
                <span className="block text-xs text-muted">
                  {hint} <code className="font-mono">{key}</code>
                </span>
              </span>
            </label>
          ))}
        </div>
        {errors.annotations && <p className="text-xs font-medium text-danger">{errors.annotations}</p>}
      </fieldset>

      {kind === "data" && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Limits</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Timeout (ms)"
              hint={`${format(LIMITS.timeoutMs.min)}–${format(LIMITS.timeoutMs.max)} ms; the call fails when the handler runs longer.`}
              error={errors.timeoutMs}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={LIMITS.timeoutMs.min}
                  max={LIMITS.timeoutMs.max}
                  step={100}
                  value={draft.timeoutMs}
                  readOnly={readOnly}
                  onChange={(event) => onChange({ timeoutMs: event.target.value })}
                />
              )}
            </Field>
            <Field
              label="Memory (MB)"
              hint={`${LIMITS.memoryMb.min}–${LIMITS.memoryMb.max} MB for the handler's isolate.`}
              error={errors.memoryMb}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={LIMITS.memoryMb.min}
                  max={LIMITS.memoryMb.max}
                  value={draft.memoryMb}
                  readOnly={readOnly}
                  onChange={(event) => onChange({ memoryMb: event.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
      )}
    </div>
  );
}
