"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { Grant, Page } from "@/lib/hooks/api-types";
import { useGrants } from "@/lib/hooks/use-grants";
import { GrantsTable } from "./grants-table";
import { RevokeGrantDialog } from "./revoke-grant-dialog";

/** The organization's authorized apps the viewer may see, with Revoke. */
export function AuthorizedApps({
  org,
  initialPage,
  currentUserId,
  seesAll,
}: {
  org: string;
  initialPage: Page<Grant>;
  currentUserId: string;
  /** Owners and Admins: every member's grants, with the user column. */
  seesAll: boolean;
}) {
  const grants = useGrants(org, { initialPage });
  const items = grants.data?.pages.flatMap((page) => page.data) ?? [];
  const [revoking, setRevoking] = useState<Grant | null>(null);

  return (
    <div className="space-y-4">
      {grants.isError && (
        <Alert tone="danger" title="Could not load authorized apps">
          <p>{errorMessage(grants.error)}</p>
          <Button size="sm" className="mt-3" onClick={() => grants.refetch()} loading={grants.isRefetching}>
            Try again
          </Button>
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState
          title="No authorized apps"
          description={
            <>
              An app appears here when {seesAll ? "someone connects" : "you connect"} an MCP host to a project: paste the project’s endpoint
              URL (its <strong className="font-medium text-fg">Server</strong> tab) into Claude (Settings → Connectors → Add custom
              connector) or ChatGPT (a connector in developer mode), sign in to Atelier and click{" "}
              <strong className="font-medium text-fg">Authorize</strong>.
            </>
          }
          action={
            <Link href={`/orgs/${org}`} className="text-sm font-medium text-accent-fg hover:underline">
              Go to projects →
            </Link>
          }
        />
      ) : (
        <GrantsTable org={org} grants={items} currentUserId={currentUserId} showUser={seesAll} onRevoke={setRevoking} />
      )}
      {grants.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => grants.fetchNextPage()} loading={grants.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      )}
      <RevokeGrantDialog org={org} grant={revoking} currentUserId={currentUserId} onClose={() => setRevoking(null)} />
    </div>
  );
}
