"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import {
  EXECUTION_ERROR_TYPES,
  type ExecutionEnvironment,
  type ExecutionErrorType,
  type ExecutionStatusName,
} from "@/lib/executions/execution-values";
import {
  DEFAULT_EXECUTION_FILTERS,
  rangeProblem,
  TIME_RANGE_PRESETS,
  type ExecutionFilters,
  type TimeRange,
  type TimeRangePreset,
} from "@/lib/hooks/use-executions";
import { ERROR_TYPE_LABELS } from "./format";

const ALL = "";

/** A `datetime-local` value (UTC) for an instant. */
const toLocalInput = (date: Date) => date.toISOString().slice(0, 16);

function nextRange(value: string, current: TimeRange): TimeRange {
  if (value !== "custom") return { preset: value as TimeRangePreset };
  if (current.preset === "custom") return current;
  // Start the custom range where the preset was, so switching changes nothing until edited.
  const now = Date.now();
  return { preset: "custom", from: toLocalInput(new Date(now - TIME_RANGE_PRESETS[current.preset].ms)), to: "" };
}

export function isFiltered(filters: ExecutionFilters) {
  return Boolean(filters.tool || filters.environment || filters.status || filters.errorType);
}

/** Tool, environment, status, error type and time range; every change applies at once. */
export function ExecutionFiltersBar({
  filters,
  onChange,
  toolNames,
}: {
  filters: ExecutionFilters;
  onChange: (filters: ExecutionFilters) => void;
  toolNames: string[];
}) {
  const set = (patch: Partial<ExecutionFilters>) => onChange({ ...filters, ...patch });
  const range = filters.range;
  const problem = rangeProblem(range);

  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader; role="search" is.
    <div role="search" aria-label="Filter executions" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Field label="Tool" className="col-span-2 md:col-span-1">
          {(control) => (
            <Select {...control} value={filters.tool ?? ALL} onChange={(event) => set({ tool: event.target.value || null })}>
              <option value={ALL}>All tools</option>
              {toolNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Environment">
          {(control) => (
            <Select
              {...control}
              value={filters.environment ?? ALL}
              onChange={(event) => set({ environment: (event.target.value || null) as ExecutionEnvironment | null })}
            >
              <option value={ALL}>Draft and production</option>
              <option value="draft">Draft</option>
              <option value="production">Production</option>
            </Select>
          )}
        </Field>
        <Field label="Status">
          {(control) => (
            <Select
              {...control}
              value={filters.status ?? ALL}
              onChange={(event) => {
                const status = (event.target.value || null) as ExecutionStatusName | null;
                // A successful call has no error type: drop one that would match nothing.
                set({ status, ...(status === "success" ? { errorType: null } : {}) });
              }}
            >
              <option value={ALL}>Any status</option>
              <option value="success">Success</option>
              <option value="error">Error</option>
            </Select>
          )}
        </Field>
        <Field label="Error type">
          {(control) => (
            <Select
              {...control}
              value={filters.errorType ?? ALL}
              disabled={filters.status === "success"}
              onChange={(event) => set({ errorType: (event.target.value || null) as ExecutionErrorType | null })}
            >
              <option value={ALL}>Any error type</option>
              {EXECUTION_ERROR_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ERROR_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Time range">
          {(control) => (
            <Select {...control} value={range.preset} onChange={(event) => set({ range: nextRange(event.target.value, range) })}>
              {Object.entries(TIME_RANGE_PRESETS).map(([value, preset]) => (
                <option key={value} value={value}>
                  {preset.label}
                </option>
              ))}
              <option value="custom">Custom range…</option>
            </Select>
          )}
        </Field>
      </div>

      {range.preset === "custom" && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:max-w-xl">
          <Field label="From (UTC)" error={problem}>
            {(control) => (
              <Input
                {...control}
                type="datetime-local"
                value={range.from}
                onChange={(event) => set({ range: { ...range, from: event.target.value } })}
              />
            )}
          </Field>
          <Field label="To (UTC)" hint="Leave empty for now.">
            {(control) => (
              <Input
                {...control}
                type="datetime-local"
                value={range.to}
                onChange={(event) => set({ range: { ...range, to: event.target.value } })}
              />
            )}
          </Field>
        </div>
      )}

      {(isFiltered(filters) || range.preset !== DEFAULT_EXECUTION_FILTERS.range.preset) && (
        <Button size="sm" variant="ghost" onClick={() => onChange(DEFAULT_EXECUTION_FILTERS)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
