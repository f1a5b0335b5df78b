"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { useUpdateProjectSettings } from "@/lib/hooks/use-project-settings";
import { PROJECT_RATE_LIMITS, type ProjectRateLimitName, type ProjectRateLimits } from "@/lib/rate-limit/limits";

const FIELDS: Array<{ name: ProjectRateLimitName; label: string; scope: string }> = [
  {
    name: "dataToolCallsPerMinute",
    label: "Data Tool calls per minute",
    scope: "Per project, across draft and production and every caller.",
  },
  {
    name: "credentialCallsPerMinute",
    label: "Calls per credential per minute",
    scope: "Per production token, draft token or OAuth grant.",
  },
  { name: "anonymousCallsPerHour", label: "Anonymous calls per IP per hour", scope: "Public projects only: calls without a credential." },
  { name: "anonymousBurst", label: "Anonymous burst per IP", scope: "How many of those may come at once." },
];

const format = (value: number) => value.toLocaleString("en-US");

function boundsHint(name: ProjectRateLimitName) {
  const { min, max, default: byDefault } = PROJECT_RATE_LIMITS[name];
  return `${format(min)}–${format(max)}; default ${format(byDefault)}.`;
}

/** The same check the server makes, so most mistakes show before a round trip. */
function checkValue(name: ProjectRateLimitName, text: string): string | null {
  const { min, max } = PROJECT_RATE_LIMITS[name];
  if (text.trim() === "") return "Enter a number";
  const value = Number(text);
  if (!Number.isInteger(value)) return "Must be a whole number";
  if (value < min) return `Must be at least ${format(min)}`;
  if (value > max) return `Must be at most ${format(max)}`;
  return null;
}

type Values = Record<ProjectRateLimitName, string>;
const toValues = (limits: ProjectRateLimits) => Object.fromEntries(FIELDS.map(({ name }) => [name, String(limits[name])])) as Values;

/** Settings → Rate limits: live on both endpoints, no republish. Calls over a limit get 429 with Retry-After. */
export function RateLimitsSettings({
  org,
  projectSlug,
  rateLimits,
  canEdit,
}: {
  org: string;
  projectSlug: string;
  rateLimits: ProjectRateLimits;
  canEdit: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const update = useUpdateProjectSettings(org, projectSlug);
  const [values, setValues] = useState(() => toValues(rateLimits));
  const [errors, setErrors] = useState<Partial<Record<ProjectRateLimitName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const changed = FIELDS.filter(({ name }) => values[name].trim() !== String(rateLimits[name])).map(({ name }) => name);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = Object.fromEntries(
      changed.flatMap((name) => (checkValue(name, values[name]) ? [[name, checkValue(name, values[name])]] : [])),
    );
    setErrors(found);
    if (Object.keys(found).length > 0 || changed.length === 0) return;
    const input = Object.fromEntries(changed.map((name) => [name, Number(values[name])])) as Partial<ProjectRateLimits>;
    update.mutate(
      { rateLimits: input },
      {
        onSuccess: (updated) => {
          setValues(toValues(updated.rateLimits));
          toast("Rate limits saved");
          router.refresh();
        },
        onError: (caught) => {
          const fields = fieldErrorsOf(caught);
          const byName = Object.fromEntries(
            FIELDS.flatMap(({ name }) => (fields[`rateLimits.${name}`] ? [[name, fields[`rateLimits.${name}`]]] : [])),
          );
          setErrors(byName);
          if (Object.keys(byName).length === 0) setFormError(errorMessage(caught));
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Section
        title="Rate limits"
        description="Read at call time on both endpoints. A call over a limit gets HTTP 429 with Retry-After and is recorded as a rate-limited execution."
        footer={
          <>
            {formError ? (
              <p role="alert" className="text-xs font-medium text-danger">
                {formError}
              </p>
            ) : (
              <p className="text-xs text-muted">
                {canEdit ? "Listing tools is never limited." : "Only Owners, Admins and this project's owners can change the rate limits."}
              </p>
            )}
            <Button type="submit" variant="primary" size="sm" disabled={!canEdit || changed.length === 0} loading={update.isPending}>
              Save rate limits
            </Button>
          </>
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map(({ name, label, scope }) => {
            const { min, max } = PROJECT_RATE_LIMITS[name];
            return (
              <Field key={name} label={label} hint={`${scope} ${boundsHint(name)}`} error={errors[name]}>
                {(control) => (
                  <Input
                    {...control}
                    name={name}
                    type="number"
                    inputMode="numeric"
                    min={min}
                    max={max}
                    step={1}
                    value={values[name]}
                    disabled={!canEdit}
                    onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
                  />
                )}
              </Field>
            );
          })}
        </div>
      </Section>
    </form>
  );
}
