"use client";

import { Link } from "@/components/ui/link";
import { BreakingChangesAlert } from "@/components/publish-dialog/breaking-changes-alert";
import { ChangeSummary } from "@/components/publish-dialog/change-summary";
import { DiffViewer } from "@/components/publish-dialog/diff-viewer";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FormattedDate } from "@/components/ui/date";
import type { PackageDetail as Detail } from "@/lib/hooks/api-types";
import { packageDownloads, usePackage } from "@/lib/hooks/use-packages";
import { PackageBadges } from "./package-meta";
import { RollbackButton } from "./rollback-dialog";
import { VerifyOffline } from "./verify-offline";

/** One published version: who and when, its changelog, its diff against the version it replaced, and how to verify it. */
export function PackageDetail({
  org,
  project,
  origin,
  initialPackage,
  canPublish,
}: {
  org: string;
  project: string;
  origin: string;
  initialPackage: Detail;
  canPublish: boolean;
}) {
  const { data: item = initialPackage } = usePackage(org, project, initialPackage.version, { initialData: initialPackage });
  const base = `/orgs/${org}/projects/${project}/history`;
  const downloads = packageDownloads(org, project, item.version);
  const files = { manifest: `${project}-${item.version}.manifest.json`, signature: `${project}-${item.version}.manifest.json.sig` };
  const against = item.previousVersion ? `against v${item.previousVersion}` : "first version: everything is new";

  return (
    <main className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0 space-y-1">
          <Link href={base} className="text-sm text-muted hover:text-fg hover:underline">
            ← History
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-mono text-lg font-semibold sm:text-xl">v{item.version}</h2>
            <PackageBadges isProduction={item.isProduction} />
          </div>
        </div>
        {canPublish && !item.isProduction && <RollbackButton org={org} project={project} version={item.version} size="md" />}
      </div>

      <Section title="Release">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div className="min-w-0 space-y-0.5">
            <dt className="text-xs text-muted">Published by</dt>
            <dd className="font-medium">{item.author.name || item.author.email || "Unknown author"}</dd>
          </div>
          <div className="min-w-0 space-y-0.5">
            <dt className="text-xs text-muted">Published</dt>
            <dd>
              <FormattedDate value={item.createdAt} withTime />
            </dd>
          </div>
          <div className="min-w-0 space-y-0.5">
            <dt className="text-xs text-muted">Replaced</dt>
            <dd>
              {item.previousVersion ? (
                <Link href={`${base}/${item.previousVersion}`} className="font-mono text-accent-fg hover:underline">
                  v{item.previousVersion}
                </Link>
              ) : (
                <span className="text-muted">Nothing: the first publish</span>
              )}
            </dd>
          </div>
          <div className="min-w-0 space-y-0.5">
            <dt className="text-xs text-muted">Signing key</dt>
            <dd className="font-mono text-[12.5px] break-all">{item.signingKeyId}</dd>
          </div>
          <div className="min-w-0 space-y-1 sm:col-span-2">
            <dt className="text-xs text-muted">Digest (SHA-256 of the manifest)</dt>
            <dd className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate font-mono text-[12.5px]" title={item.digest}>
                {item.digest}
              </code>
              <CopyButton value={item.digest} label="Copy digest" />
            </dd>
          </div>
          <div className="min-w-0 space-y-1 sm:col-span-2">
            <dt className="text-xs text-muted">Changelog</dt>
            <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{item.changelog}</dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-2">
          <a href={downloads.manifest} download={files.manifest} className={buttonClasses("secondary", "sm")}>
            Download manifest
          </a>
          <a href={downloads.signature} download={files.signature} className={buttonClasses("secondary", "sm")}>
            Download signature
          </a>
        </div>
      </Section>

      <Section title="Changes" description={`What this version changed, ${against}.`}>
        <BreakingChangesAlert changes={item.breakingChanges} />
        <ChangeSummary changes={item.changes} />
        <DiffViewer files={item.files} label={`Changed files of v${item.version}`} />
      </Section>

      <VerifyOffline
        manifestFile={files.manifest}
        signatureFile={files.signature}
        manifestUrl={`${origin}${downloads.manifest}`}
        signatureUrl={`${origin}${downloads.signature}`}
        signingKeyUrl={`${origin}/app/v1/organizations/${org}/signing-key`}
      />
    </main>
  );
}
