import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { ApiTokensPanel } from "@/components/api-tokens/api-tokens-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { toJson } from "@/lib/hooks/api-types";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}/settings/api-tokens`);
  await loadOrganizationAccess(actor.userId, org);
  const tokens = await listApiTokens({ actor });

  return (
    <main className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens for the admin REST API (<code className="font-mono text-xs">Authorization: Bearer …</code>). They belong to you,
            not to this organization.
          </>
        }
      />
      <ApiTokensPanel initialTokens={toJson(tokens)} />
    </main>
  );
}
