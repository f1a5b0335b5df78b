"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ApiError, errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import type { PublishPreview } from "@/lib/hooks/api-types";
import { BreakingChangesAlert } from "./breaking-changes-alert";
import { ChangeSummary } from "./change-summary";
import { DiffViewer } from "./diff-viewer";
import { bumpLabel, versionError } from "./publish-version";

type FormErrors = { version?: string; changelog?: string; form?: string; conflict?: string };

/** A failed publish in words: which field to fix, or (409) that the preview is out of date. */
function publishErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error) };
  if (error.status === 409) return { conflict: error.message };
  const fields = fieldErrorsOf(error);
  if (fields.changelog) return { changelog: `Changelog ${fields.changelog}` };
  if (fields.version) return { version: `Version ${fields.version}` };
  const named = /^version: ([\s\S]*)$/.exec(error.message);
  if (named) return { version: `Version ${named[1]}` };
  return { form: error.message };
}

/** The review (changes, breaking changes, diffs) and the version and changelog to publish it with. */
export function PublishForm({
  preview,
  changelog,
  onChangelogChange,
  onRefresh,
  refreshing,
  publishing,
  onPublish,
  onCancel,
  gate,
  blocked = false,
}: {
  preview: PublishPreview;
  /** The publish gate's section (components/publish-dialog/test-gate-check.tsx). */
  gate?: ReactNode;
  /** Publish is disabled: required test cases fail (or are still running) and there is no override. */
  blocked?: boolean;
  changelog: string;
  onChangelogChange: (value: string) => void;
  onRefresh: () => void;
  refreshing: boolean;
  publishing: boolean;
  /** Rejects with the server's refusal, which the form shows beside the field it concerns. */
  onPublish: (input: { changelog: string; version: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [version, setVersion] = useState(preview.suggestedVersion);
  const [errors, setErrors] = useState<FormErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid: FormErrors = {};
    const versionProblem = versionError(version, preview.minimumVersion);
    if (versionProblem) invalid.version = versionProblem;
    if (!changelog.trim()) invalid.changelog = "Changelog is required: say what changed for the people who use this server";
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    onPublish({ changelog: changelog.trim(), version: version.trim() }).catch((error: unknown) => setErrors(publishErrors(error)));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <p className="text-sm">
        {preview.currentVersion ? (
          <>
            Production serves <strong className="font-semibold">v{preview.currentVersion}</strong>. Publishing replaces it for every host on
            its next request.
          </>
        ) : (
          <>This is the first publish: production starts serving these tools on the next request.</>
        )}
      </p>

      <section aria-label="Changes" className="space-y-2">
        <h3 className="text-sm font-semibold">Changes</h3>
        <ChangeSummary changes={preview} />
      </section>

      <BreakingChangesAlert changes={preview.breakingChanges} />

      {preview.secretsMissingInProduction && (
        <Alert tone="warning" title="Secrets without a production value">
          <p>Production calls of these tools will fail until each secret has a production value (the tool's Secrets tab):</p>
          <ul className="mt-1 font-mono text-sm">
            {preview.secretsMissingInProduction.map((secret) => (
              <li key={`${secret.tool}/${secret.key}`}>
                {secret.tool} · {secret.key}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <section className="space-y-2">
        <h3 className="text-sm font-semibold">Files</h3>
        <DiffViewer files={preview.files} />
      </section>

      {gate}

      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Field
          label="Version"
          hint={
            <>
              Suggested {preview.suggestedVersion} ({bumpLabel(preview.bump)}). Higher is allowed, lower is not.
            </>
          }
          error={errors.version}
        >
          {(control) => (
            <Input
              {...control}
              name="version"
              value={version}
              onChange={(event) => setVersion(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              inputMode="decimal"
              className="font-mono"
            />
          )}
        </Field>
        <Field label="Changelog" hint="What changed, for the people who use this server. Shown in History." error={errors.changelog}>
          {(control) => (
            <Textarea
              {...control}
              name="changelog"
              rows={3}
              required
              maxLength={10_000}
              value={changelog}
              onChange={(event) => onChangelogChange(event.target.value)}
              placeholder={preview.breakingChanges.length > 0 ? "What broke, and what hosts should do now" : "What is new or fixed"}
            />
          )}
        </Field>
      </div>

      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      {errors.conflict && (
        <Alert tone="danger" title="Not published">
          <p>{errors.conflict}</p>
          <Button
            size="sm"
            className="mt-3"
            loading={refreshing}
            onClick={() => {
              setErrors({});
              onRefresh();
            }}
          >
            Refresh the preview
          </Button>
        </Alert>
      )}

      <div className="sticky -bottom-5 -mx-5 -mb-5 border-t border-line bg-surface px-5 pb-5 sm:-bottom-6 sm:-mx-6 sm:-mb-6 sm:px-6 sm:pb-6">
        <DialogFooter>
          <Button onClick={onCancel} disabled={publishing}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={publishing} disabled={blocked}>
            {publishing ? "Signing and publishing…" : "Publish version"}
          </Button>
        </DialogFooter>
      </div>
    </form>
  );
}
