"use client";

import { useState } from "react";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { NewTokenAlert } from "@/components/tokens/new-token-alert";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { TokenTable } from "@/components/tokens/token-table";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CreatedProductionToken, ProductionToken } from "@/lib/hooks/api-types";
import { useCreateProductionToken, useProductionTokens, useRevokeProductionToken } from "@/lib/hooks/use-production-tokens";

/** Named bearer tokens for the production endpoint: create (value shown once), list, revoke. */
export function ProductionTokensSection({
  org,
  project,
  initialTokens,
}: {
  org: string;
  project: string;
  initialTokens: ProductionToken[];
}) {
  const { data: tokens = initialTokens } = useProductionTokens(org, project, { initialData: initialTokens });
  const createToken = useCreateProductionToken(org, project);
  const revokeToken = useRevokeProductionToken(org, project);
  const [created, setCreated] = useState<CreatedProductionToken | null>(null);
  const [revoking, setRevoking] = useState<ProductionToken | null>(null);

  return (
    <Section
      title="Production tokens"
      description="Bearer tokens for the production endpoint, for hosts that don't sign in with OAuth. Each is stored as a hash and can be revoked on its own."
    >
      <CreateTokenForm
        label="Create a production token"
        hint="Who or what connects with it, e.g. “Claude Desktop — Ana” or “Support bot”."
        create={createToken.mutateAsync}
        pending={createToken.isPending}
        onCreated={setCreated}
      />
      {created && <NewTokenAlert token={created} copyLabel="New production token" />}
      {tokens.length === 0 ? (
        <EmptyState
          title="No production tokens"
          description="Create one for each host or person that connects to production without OAuth."
        />
      ) : (
        <TokenTable tokens={tokens} onRevoke={setRevoking} showCreatedBy nameRevokeButtons className="rounded-lg" />
      )}
      <RevokeTokenDialog
        token={revoking}
        description="Hosts using this token get 401 on their next request. This cannot be undone."
        revoke={revokeToken.mutateAsync}
        pending={revokeToken.isPending}
        onClose={() => setRevoking(null)}
      />
    </Section>
  );
}
