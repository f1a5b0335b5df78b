"use client";

import { useState } from "react";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { NewTokenAlert } from "@/components/tokens/new-token-alert";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { TokenTable } from "@/components/tokens/token-table";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiToken, CreatedApiToken } from "@/lib/hooks/api-types";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "@/lib/hooks/use-api-tokens";

/** Personal API tokens: create (value shown once), list, revoke. */
export function ApiTokensPanel({ initialTokens }: { initialTokens: ApiToken[] }) {
  const { data: tokens = initialTokens } = useApiTokens({ initialData: initialTokens });
  const createToken = useCreateApiToken();
  const revokeToken = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <div className="space-y-6">
      <Section title="Create a token" description="A token acts as you, with your role in each organization.">
        <CreateTokenForm
          hint="What will use it, e.g. “CI deploy” or “Laptop CLI”."
          create={createToken.mutateAsync}
          pending={createToken.isPending}
          onCreated={setCreated}
        />
        {created && <NewTokenAlert token={created} copyLabel="New API token" />}
      </Section>
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens" description="Create one to call the admin REST API from scripts and CI." />
      ) : (
        <TokenTable tokens={tokens} onRevoke={setRevoking} className="rounded-xl bg-surface shadow-xs" />
      )}
      <RevokeTokenDialog
        token={revoking}
        description="Scripts using this token get 401 on their next request. This cannot be undone."
        revoke={revokeToken.mutateAsync}
        pending={revokeToken.isPending}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
