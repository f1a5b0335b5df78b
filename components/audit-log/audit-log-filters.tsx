"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { AuditFilterOptions } from "@/lib/hooks/api-types";
import type { AuditLogFilters } from "@/lib/hooks/use-audit-log";

// The time inputs are in UTC, like the table: "2026-11-21T09:30" ↔ 2026-11-21T09:30:00.000Z.
// "To" includes its whole minute, so From 09:30 – To 09:30 shows that minute's events.
const toInput = (iso: string | undefined) => (iso ? iso.slice(0, 16) : "");
const fromBound = (value: string) => (value ? `${value}:00.000Z` : undefined);
const toBound = (value: string) => (value ? `${value}:59.999Z` : undefined);

export function AuditLogFiltersForm({
  filters,
  onChange,
  options,
  projects,
}: {
  filters: AuditLogFilters;
  onChange: (filters: AuditLogFilters) => void;
  options: AuditFilterOptions;
  projects: { slug: string; name: string }[];
}) {
  const set = (patch: AuditLogFilters) => onChange({ ...filters, ...patch });
  const active = Object.values(filters).some(Boolean);
  // A filter from a shared link may name something no longer listed: keep it selectable.
  const actionOptions =
    filters.action && !options.actions.includes(filters.action) ? [filters.action, ...options.actions] : options.actions;

  return (
    <fieldset className="grid grid-cols-2 items-end gap-3 lg:grid-cols-3 xl:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      <legend className="sr-only">Filter events</legend>
      <Field label="Actor" className="col-span-2 sm:col-span-1">
        {(control) => (
          <Select {...control} value={filters.actor ?? ""} onChange={(event) => set({ actor: event.target.value || undefined })}>
            <option value="">Everyone</option>
            {options.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.label}
              </option>
            ))}
            {filters.actor && !options.actors.some((actor) => actor.id === filters.actor) && (
              <option value={filters.actor}>{filters.actor}</option>
            )}
          </Select>
        )}
      </Field>
      <Field label="Action" className="col-span-2 sm:col-span-1">
        {(control) => (
          <Select {...control} value={filters.action ?? ""} onChange={(event) => set({ action: event.target.value || undefined })}>
            <option value="">All actions</option>
            {actionOptions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Project" className="col-span-2 sm:col-span-1">
        {(control) => (
          <Select {...control} value={filters.project ?? ""} onChange={(event) => set({ project: event.target.value || undefined })}>
            <option value="">All projects</option>
            {projects.map((project) => (
              <option key={project.slug} value={project.slug}>
                {project.name}
              </option>
            ))}
            {filters.project && !projects.some((project) => project.slug === filters.project) && (
              <option value={filters.project}>{filters.project}</option>
            )}
          </Select>
        )}
      </Field>
      <Field label="From (UTC)">
        {(control) => (
          <Input
            {...control}
            type="datetime-local"
            value={toInput(filters.from)}
            onChange={(event) => set({ from: fromBound(event.target.value) })}
          />
        )}
      </Field>
      <Field label="To (UTC)">
        {(control) => (
          <Input
            {...control}
            type="datetime-local"
            value={toInput(filters.to)}
            onChange={(event) => set({ to: toBound(event.target.value) })}
          />
        )}
      </Field>
      <Button variant="ghost" className="col-span-2 sm:col-span-1" disabled={!active} onClick={() => onChange({})}>
        Clear filters
      </Button>
    </fieldset>
  );
}
