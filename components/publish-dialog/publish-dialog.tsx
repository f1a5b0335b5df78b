"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { LoadingRegion, Skeleton } from "@/components/ui/spinner";
import { ApiError, errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import type { Package, PublishPreview } from "@/lib/hooks/api-types";
import { usePublish, usePublishPreview } from "@/lib/hooks/use-publish";
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

function PublishForm({
  org,
  project,
  preview,
  changelog,
  onChangelogChange,
  onRefresh,
  refreshing,
  onPublished,
  onCancel,
}: {
  org: string;
  project: string;
  preview: PublishPreview;
  changelog: string;
  onChangelogChange: (value: string) => void;
  onRefresh: () => void;
  refreshing: boolean;
  onPublished: (published: Package) => void;
  onCancel: () => void;
}) {
  const publish = usePublish(org, project);
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
    publish.mutate(
      { changelog: changelog.trim(), version: version.trim() },
      { onSuccess: onPublished, onError: (error) => setErrors(publishErrors(error)) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <p className="text-sm">
        {preview.currentVersion ? (
          <>
            Production serves <strong className="font-semibold">v{preview.currentVersion}</strong>. Publishing replaces it for every host on its next request.
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

      <section className="space-y-2">
        <h3 className="text-sm font-semibold">Files</h3>
        <DiffViewer files={preview.files} />
      </section>

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
          <Button onClick={onCancel} disabled={publish.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={publish.isPending}>
            {publish.isPending ? "Signing and publishing…" : "Publish version"}
          </Button>
        </DialogFooter>
      </div>
    </form>
  );
}

function PublishedResult({ org, project, published, onClose }: { org: string; project: string; published: Package; onClose: () => void }) {
  return (
    <div className="space-y-4">
      <Alert tone="success" title={`Published v${published.version}`}>
        <p>Production now serves v{published.version}. Connected hosts see it on their next request.</p>
      </Alert>
      <dl className="grid gap-3 text-sm">
        <div className="min-w-0 space-y-1">
          <dt className="text-xs text-muted">Digest (SHA-256 of the manifest)</dt>
          <dd className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate font-mono text-[12.5px]" title={published.digest}>
              {published.digest}
            </code>
            <CopyButton value={published.digest} />
          </dd>
        </div>
        <div className="min-w-0 space-y-1">
          <dt className="text-xs text-muted">Signature</dt>
          <dd>
            Signed (Ed25519) with key <code className="font-mono text-[12.5px] break-all">{published.signingKeyId}</code>
          </dd>
        </div>
      </dl>
      <DialogFooter>
        <Link href={`/orgs/${org}/projects/${project}/history/${published.version}`} className={buttonClasses("secondary")} onClick={onClose}>
          View in History
        </Link>
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}

function PreviewLoading() {
  return (
    <LoadingRegion label="Comparing the draft with production">
      <div className="space-y-3">
        <p className="text-sm text-muted">Comparing the draft with production…</p>
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    </LoadingRegion>
  );
}

function PublishDialogBody({ org, project, onClose }: { org: string; project: string; onClose: () => void }) {
  const router = useRouter();
  // Always recomputed on open: what gets reviewed is the draft as it is now.
  const preview = usePublishPreview(org, project, { refetchOnMount: "always" });
  const [changelog, setChangelog] = useState("");
  const [published, setPublished] = useState<Package | null>(null);

  if (published) return <PublishedResult org={org} project={project} published={published} onClose={onClose} />;
  if (preview.isError && !preview.isFetching) {
    return (
      <div className="space-y-4">
        <Alert tone="danger" title="Could not compare the draft with production">
          {errorMessage(preview.error)}
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" onClick={() => preview.refetch()}>
            Try again
          </Button>
        </DialogFooter>
      </div>
    );
  }
  if (!preview.data || !preview.isFetchedAfterMount) return <PreviewLoading />;
  if (!preview.data.changed) {
    return (
      <div className="space-y-4">
        <Alert tone="info" title="Nothing to publish">
          {preview.data.currentVersion
            ? `The draft matches production (v${preview.data.currentVersion}). Change a tool or component first.`
            : "The draft has no tools or components yet. Create one first."}
        </Alert>
        <DialogFooter>
          <Button onClick={onClose}>Close</Button>
        </DialogFooter>
      </div>
    );
  }
  return (
    <PublishForm
      // A different suggestion (the preview was refreshed) starts the version field afresh; the changelog stays.
      key={preview.data.suggestedVersion}
      org={org}
      project={project}
      preview={preview.data}
      changelog={changelog}
      onChangelogChange={setChangelog}
      onRefresh={() => preview.refetch()}
      refreshing={preview.isFetching}
      onPublished={(created) => {
        setPublished(created);
        // The header, the Server tab and History are server-rendered: show the new production there too.
        router.refresh();
      }}
      onCancel={onClose}
    />
  );
}

/** Review what the draft changes against production, pick the version, write the changelog, publish. */
export function PublishDialog({ org, project, open, onOpenChange }: { org: string; project: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Publish to production"
      description="The draft's tools and components become an immutable package, signed with the organization's key."
      // A responsive variant outranks the base max-w-md of <Dialog> (classes are joined, not merged).
      className="sm:max-w-3xl"
    >
      <PublishDialogBody org={org} project={project} onClose={() => onOpenChange(false)} />
    </Dialog>
  );
}
