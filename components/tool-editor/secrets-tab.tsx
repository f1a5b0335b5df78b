"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/date";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { type SecretEnvironment, useDeleteToolSecret, useSetToolSecret, useToolSecrets } from "@/lib/hooks/use-tools";

const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

function SetSecretForm({ org, project, tool }: { org: string; project: string; tool: string }) {
  const setSecret = useSetToolSecret(org, project, tool);
  const toast = useToast();
  const [errors, setErrors] = useState<{ key?: string; value?: string; form?: string }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const key = String(data.get("key") ?? "").trim();
    const value = String(data.get("value") ?? "");
    const environment = String(data.get("environment") ?? "both") as SecretEnvironment;
    const invalid: typeof errors = {};
    if (!SECRET_NAME.test(key)) invalid.key = "Secret name must be UPPER_SNAKE_CASE, like API_KEY";
    if (!value) invalid.value = "Secret value is required";
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setSecret.mutate(
      { key, value, environment },
      {
        onSuccess: () => {
          form.reset();
          toast(`Secret ${key} saved`);
        },
        onError: (caught) => {
          const fields = fieldErrorsOf(caught);
          setErrors(fields.value ? { value: `Secret value ${fields.value}` } : { form: errorMessage(caught) });
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-line bg-subtle/50 p-4">
      <p className="text-sm font-medium">Set or replace a secret</p>
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Secret name" hint="UPPER_SNAKE_CASE. An existing name is replaced." error={errors.key}>
          {(control) => <Input {...control} name="key" autoComplete="off" spellCheck={false} className="font-mono" placeholder="API_KEY" />}
        </Field>
        <Field label="Secret value" hint="Write-only: encrypted at once and never shown again." error={errors.value}>
          {(control) => <Input {...control} name="value" type="password" autoComplete="new-password" spellCheck={false} />}
        </Field>
        <Field label="Environment" hint="A draft value (a sandbox key, say) is used by the draft endpoint only.">
          {(control) => (
            <Select {...control} name="environment" defaultValue="both">
              <option value="both">Draft and production</option>
              <option value="production">Production only (the draft uses it unless it has its own)</option>
              <option value="draft">Draft only</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" variant="primary" size="sm" loading={setSecret.isPending}>
          Set secret
        </Button>
      </div>
    </form>
  );
}

function RemoveSecretDialog({
  org,
  project,
  tool,
  secret,
  onClose,
}: {
  org: string;
  project: string;
  tool: string;
  secret: string | null;
  onClose: () => void;
}) {
  const deleteSecret = useDeleteToolSecret(org, project, tool);
  const toast = useToast();
  return (
    <ConfirmDialog
      open={secret !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Remove ${secret ?? ""}?`}
      description="The handler no longer receives it, on the draft and in production, from the next call."
      confirmLabel="Remove secret"
      pending={deleteSecret.isPending}
      onConfirm={async () => {
        if (!secret) return;
        await deleteSecret.mutateAsync(secret);
        toast(`Secret ${secret} removed`);
        onClose();
      }}
    />
  );
}

/** Secret names only — values are write-only. Secrets save on their own, not with the tool's Save. */
export function SecretsTab({ org, project, tool, canEdit }: { org: string; project: string; tool: string; canEdit: boolean }) {
  const { data: secrets, isPending, error } = useToolSecrets(org, project, tool);
  const [removing, setRemoving] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        The handler reads them as <code className="font-mono text-fg">env.secrets.NAME</code>. They are encrypted at rest, live on both
        endpoints at once, and saved as soon as you set them.
      </p>
      {isPending ? (
        <div className="space-y-2" aria-hidden="true">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : error ? (
        <Alert tone="danger">{errorMessage(error)}</Alert>
      ) : secrets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong px-3 py-2.5 text-sm text-muted">No secrets yet.</p>
      ) : (
        <ul aria-label="Secrets" className="divide-y divide-line rounded-lg border border-line">
          {secrets.map((secret) => (
            <li key={secret.key} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2">
              <span className="flex items-center gap-2">
                <span className="font-mono text-[13px] font-medium">{secret.key}</span>
                {secret.environments && (
                  <>
                    <Badge tone={secret.environments.draftOwnValue ? "accent" : secret.environments.draft ? "neutral" : "danger"}>
                      Draft: {secret.environments.draftOwnValue ? "own value" : secret.environments.draft ? "production value" : "none"}
                    </Badge>
                    <Badge tone={secret.environments.production ? "success" : "danger"}>
                      Production: {secret.environments.production ? "set" : "no value"}
                    </Badge>
                  </>
                )}
              </span>
              <span className="flex items-center gap-3 text-xs text-muted">
                <span>
                  Updated <FormattedDate value={secret.updatedAt} withTime />
                </span>
                {canEdit && (
                  <Button size="sm" variant="danger-outline" aria-label={`Remove ${secret.key}`} onClick={() => setRemoving(secret.key)}>
                    Remove
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <SetSecretForm org={org} project={project} tool={tool} />}
      <RemoveSecretDialog org={org} project={project} tool={tool} secret={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
