"use client";

import { Link } from "@/components/ui/link";
import { useId } from "react";
import { ChangeSummary } from "@/components/publish-dialog/change-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/date";
import { DisabledAction } from "@/components/ui/disabled-action";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { Package, Page } from "@/lib/hooks/api-types";
import { usePackages } from "@/lib/hooks/use-packages";
import { permissionReason } from "@/lib/permissions";
import { DigestWithCopy, PackageBadges } from "./package-meta";
import { RollbackButton } from "./rollback-dialog";

function PackageItem({ org, project, item, canPublish }: { org: string; project: string; item: Package; canPublish: boolean }) {
  const headingId = useId();
  const href = `/orgs/${org}/projects/${project}/history/${item.version}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="space-y-3 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={headingId} className="font-mono text-base font-semibold">
                <Link href={href} className="hover:text-accent-fg hover:underline" aria-label={`Version ${item.version}`}>
                  v{item.version}
                </Link>
              </h3>
              <PackageBadges isProduction={item.isProduction} />
            </div>
            <p className="text-xs text-muted">
              {item.author.name || item.author.email || "Unknown author"} · <FormattedDate value={item.createdAt} withTime />
              {item.previousVersion && <> · replaced v{item.previousVersion}</>}
            </p>
          </div>
          {!item.isProduction &&
            (canPublish ? (
              <RollbackButton org={org} project={project} version={item.version} />
            ) : (
              <DisabledAction
                label="Roll back"
                variant="danger-outline"
                size="sm"
                reason={permissionReason("project.publish", "roll back")}
              />
            ))}
        </div>
        <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{item.changelog}</p>
        <ChangeSummary changes={item.changes} />
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-3">
          <DigestWithCopy digest={item.digest} />
          <Link href={href} className="text-sm font-medium text-accent-fg hover:underline">
            Diff, downloads and verification →
          </Link>
        </div>
      </article>
    </li>
  );
}

/** Every published version, newest first, with the one production serves marked. */
export function HistoryList({
  org,
  project,
  initialPage,
  canPublish,
}: {
  org: string;
  project: string;
  initialPage: Page<Package>;
  canPublish: boolean;
}) {
  const packages = usePackages(org, project, { initialPage });
  const items = packages.data?.pages.flatMap((page) => page.data) ?? [];

  if (items.length === 0) {
    return (
      <EmptyState
        title="Nothing published yet"
        description={
          canPublish
            ? "Publish from the project header. The first version is 1.0.0; each publish appears here with its changelog, diff and signature."
            : "Each publish appears here with its changelog, diff and signature. Owners, Admins and project owners publish."
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <ol aria-label="Published versions" className="space-y-3">
        {items.map((item) => (
          <PackageItem key={item.id} org={org} project={project} item={item} canPublish={canPublish} />
        ))}
      </ol>
      {packages.isError && <Alert tone="danger">{errorMessage(packages.error)}</Alert>}
      {packages.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => packages.fetchNextPage()} loading={packages.isFetchingNextPage}>
            Show older versions
          </Button>
        </div>
      )}
    </div>
  );
}
