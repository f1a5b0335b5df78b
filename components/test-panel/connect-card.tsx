"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { saveDraftToken, useRotateDraftToken } from "@/lib/hooks/use-draft-token";
import { connectDraft } from "./draft-client";

/**
 * Shown while this tab has no draft token for the project. The token is stored hashed, so it
 * comes either from a rotation (returned once) or from the user pasting the one they have.
 */
export function ConnectCard({
  org,
  project,
  canRotate,
  notice,
  onRotated,
}: {
  org: string;
  project: string;
  canRotate: boolean;
  notice?: string | null;
  onRotated: (token: string) => void;
}) {
  const rotate = useRotateDraftToken(org, project);
  const [pasting, setPasting] = useState(!canRotate);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pasteError, setPasteError] = useState<string | undefined>();

  async function onPaste(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get("token") ?? "").trim();
    if (!token.startsWith("atl_draft_")) {
      setPasteError("A draft token starts with atl_draft_");
      return;
    }
    setPasteError(undefined);
    setChecking(true);
    try {
      const connection = await connectDraft(org, project, token); // proves the token before keeping it
      await connection.client.close();
      saveDraftToken(org, project, token);
    } catch (caught) {
      setPasteError(errorMessage(caught));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <h4 className="text-sm font-semibold">Connect the test panel</h4>
        <p className="text-sm text-muted">
          The test panel calls this project&apos;s draft endpoint through an MCP client, like any host, so it needs the draft token. The
          token is only shown once, so rotate it or paste the one you have. This browser tab keeps it until you close the tab.
        </p>
      </div>
      {notice && <Alert tone="warning">{notice}</Alert>}
      {error && <Alert tone="danger">{error}</Alert>}
      {canRotate && (
        <div className="space-y-2">
          <Button
            variant="primary"
            className="w-full"
            loading={rotate.isPending}
            onClick={() => {
              setError(null);
              // The card unmounts as soon as the token is stored, so wait on the promise rather than on mutate callbacks.
              rotate.mutateAsync().then(
                (rotated) => onRotated(rotated.token),
                (caught: unknown) => setError(errorMessage(caught)),
              );
            }}
          >
            Rotate and connect
          </Button>
          <p className="text-xs text-muted">
            Rotating invalidates the previous draft token at once: hosts already using it (Claude Desktop, MCP Inspector…) get 401 until you
            give them the new one.
          </p>
        </div>
      )}
      {!canRotate && (
        <p className="text-xs text-muted">Only Owners, Admins and project owners can rotate the draft token. Ask one of them for it.</p>
      )}
      {pasting ? (
        <form onSubmit={onPaste} noValidate className="space-y-2">
          <Field label="Draft token" error={pasteError}>
            {(control) => (
              <Input
                {...control}
                name="token"
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder="atl_draft_…"
                className="font-mono"
              />
            )}
          </Field>
          <Button type="submit" className="w-full" loading={checking}>
            Connect
          </Button>
        </form>
      ) : (
        <Button className="w-full" onClick={() => setPasting(true)}>
          Paste draft token
        </Button>
      )}
    </div>
  );
}
