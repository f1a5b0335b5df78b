"use client";

import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogFooter } from "@/components/ui/dialog";
import type { Package } from "@/lib/hooks/api-types";

/** What was published: the version production now serves, its digest and signature. */
export function PublishedResult({
  org,
  project,
  published,
  onClose,
}: {
  org: string;
  project: string;
  published: Package;
  onClose: () => void;
}) {
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
        <Link
          href={`/orgs/${org}/projects/${project}/history/${published.version}`}
          className={buttonClasses("secondary")}
          onClick={onClose}
        >
          View in History
        </Link>
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}
