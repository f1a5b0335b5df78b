"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { FormattedDate } from "@/components/ui/date";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import type { CreatedProductionToken, ProductionToken } from "@/lib/hooks/api-types";
import { useCreateProductionToken, useProductionTokens } from "@/lib/hooks/use-production-tokens";
import { RevokeProductionTokenDialog } from "./revoke-production-token-dialog";

function CreateTokenForm({ org, project, onCreated }: { org: string; project: string; onCreated: (token: CreatedProductionToken) => void }) {
  const createToken = useCreateProductionToken(org, project);
  const [error, setError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) {
      setError("Token name is required");
      return;
    }
    setError(undefined);
    createToken.mutate(
      { name },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
        onError: (caught) => setError(fieldErrorsOf(caught).name ? `Token name ${fieldErrorsOf(caught).name}` : errorMessage(caught)),
      },
    );
  }

  return (
    <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={onSubmit} noValidate aria-label="Create a production token">
      <Field label="Token name" hint="Who or what connects with it, e.g. “Claude Desktop — Ana” or “Support bot”." error={error} className="flex-1">
        {(control) => <Input {...control} name="name" autoComplete="off" maxLength={100} required />}
      </Field>
      <Button type="submit" variant="primary" loading={createToken.isPending} className="sm:mt-6.5">
        Create token
      </Button>
    </form>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ProductionToken[]; onRevoke: (token: ProductionToken) => void }) {
  if (tokens.length === 0) {
    return <EmptyState title="No production tokens" description="Create one for each host or person that connects to production without OAuth." />;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Token</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">Created</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">Created by</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Last used</th>
            <th scope="col" className="px-4 py-2.5"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id}>
              <td className="px-4 py-3 font-medium">{token.name}</td>
              <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-muted">{token.prefix}…</td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted md:table-cell"><FormattedDate value={token.createdAt} /></td>
              <td className="hidden px-4 py-3 text-muted lg:table-cell">{token.createdBy ? token.createdBy.name || token.createdBy.email : "—"}</td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell"><FormattedDate value={token.lastUsedAt} withTime fallback="Never" /></td>
              <td className="px-4 py-3 text-right">
                <Button size="sm" variant="danger-outline" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Named bearer tokens for the production endpoint: create (value shown once), list, revoke. */
export function ProductionTokensSection({ org, project, initialTokens }: { org: string; project: string; initialTokens: ProductionToken[] }) {
  const { data: tokens = initialTokens } = useProductionTokens(org, project, { initialData: initialTokens });
  const [created, setCreated] = useState<CreatedProductionToken | null>(null);
  const [revoking, setRevoking] = useState<ProductionToken | null>(null);

  return (
    <Section
      title="Production tokens"
      description="Bearer tokens for the production endpoint, for hosts that don't sign in with OAuth. Each is stored as a hash and can be revoked on its own."
    >
      <CreateTokenForm org={org} project={project} onCreated={setCreated} />
      {created && (
        <Alert tone="success" title={`Token “${created.name}” created`}>
          <p className="mb-3">Copy it now: you won’t see it again.</p>
          <CopyField label="New production token" value={created.token} />
        </Alert>
      )}
      <TokenTable tokens={tokens} onRevoke={setRevoking} />
      <RevokeProductionTokenDialog org={org} project={project} token={revoking} onClose={() => setRevoking(null)} />
    </Section>
  );
}
