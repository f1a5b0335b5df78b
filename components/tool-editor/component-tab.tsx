"use client";

import { Link } from "@/components/ui/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { DraftErrors } from "./tool-draft";

/** A UI Tool's root component, and the other components its props may reference. */
export function ComponentTab({
  componentsHref,
  componentNames,
  component,
  allowedComponents,
  onChange,
  readOnly,
  errors,
}: {
  componentsHref: string;
  componentNames: string[];
  component: string | null;
  allowedComponents: string[];
  onChange: (patch: { component?: string | null; allowedComponents?: string[] }) => void;
  readOnly: boolean;
  errors: DraftErrors;
}) {
  const others = componentNames.filter((name) => name !== component);
  const toggle = (name: string, on: boolean) =>
    onChange({ allowedComponents: on ? [...allowedComponents, name] : allowedComponents.filter((item) => item !== name) });

  return (
    <div className="space-y-6">
      <Field
        label="Component"
        hint={
          <>
            The HTML the host renders with this tool&apos;s result. Edit it on the{" "}
            <Link href={componentsHref} className="text-accent-fg underline">
              Components
            </Link>{" "}
            page.
          </>
        }
        error={errors.component}
      >
        {(control) => (
          <Select
            {...control}
            value={component ?? ""}
            disabled={readOnly}
            onChange={(event) => onChange({ component: event.target.value || null })}
          >
            {!component && <option value="">Choose a component…</option>}
            {componentNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Allowed components</legend>
        <p className="text-xs text-muted">
          Other components this tool&apos;s props may reference (as <code className="font-mono">ui://…</code> URIs). A reference to any
          other component is rejected before it reaches the host.
        </p>
        {others.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line-strong px-3 py-2.5 text-sm text-muted">
            No other components in this project.
          </p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {others.map((name) => (
              <label key={name} className="flex cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2">
                <input
                  type="checkbox"
                  className="size-4 accent-accent"
                  checked={allowedComponents.includes(name)}
                  disabled={readOnly}
                  onChange={(event) => toggle(name, event.target.checked)}
                />
                <span className="font-mono text-[13px]">{name}</span>
              </label>
            ))}
          </div>
        )}
        {errors.allowedComponents && <p className="text-xs font-medium text-danger">{errors.allowedComponents}</p>}
      </fieldset>
    </div>
  );
}
