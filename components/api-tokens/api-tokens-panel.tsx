"use client";

import { useState, type FormEvent } from "react";
import { RevokeTokenDialog } from "@/components/api-tokens/revoke-token-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { FormattedDate } from "@/components/ui/date";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import type { ApiToken, CreatedApiToken } from "@/lib/hooks/api-types";
import { useApiTokens, useCreateApiToken } from "@/lib/hooks/use-api-tokens";

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const createToken = useCreateApiToken();
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
    <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={onSubmit} noValidate>
      <Field label="Token name" hint="What will use it, e.g. “CI deploy” or “Laptop CLI”." error={error} className="flex-1">
        {(control) => <Input {...control} name="name" autoComplete="off" maxLength={100} required />}
      </Field>
      <Button type="submit" variant="primary" loading={createToken.isPending} className="sm:mt-6.5">
        Create token
      </Button>
    </form>
  );
}

function TokenList({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  if (tokens.length === 0) {
    return <EmptyState title="No API tokens" description="Create one to call the admin REST API from scripts and CI." />;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Token</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Created</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Last used</th>
            <th scope="col" className="px-4 py-2.5"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id}>
              <td className="px-4 py-3 font-medium">{token.name}</td>
              <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-muted">{token.prefix}…</td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell"><FormattedDate value={token.createdAt} /></td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell"><FormattedDate value={token.lastUsedAt} withTime fallback="Never" /></td>
              <td className="px-4 py-3 text-right">
                <Button size="sm" variant="danger-outline" onClick={() => onRevoke(token)}>Revoke</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Personal API tokens: create (value shown once), list, revoke. */
export function ApiTokensPanel({ initialTokens }: { initialTokens: ApiToken[] }) {
  const { data: tokens = initialTokens } = useApiTokens({ initialData: initialTokens });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <div className="space-y-6">
      <Section title="Create a token" description="A token acts as you, with your role in each organization.">
        <CreateTokenForm onCreated={setCreated} />
        {created && (
          <Alert tone="success" title={`Token “${created.name}” created`}>
            <p className="mb-3">Copy it now: you won’t see it again.</p>
            <CopyField label="New API token" value={created.token} />
          </Alert>
        )}
      </Section>
      <TokenList tokens={tokens} onRevoke={setRevoking} />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
