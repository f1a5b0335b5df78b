"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { ApiToken } from "@/lib/hooks/api-types";
import { useRevokeApiToken } from "@/lib/hooks/use-api-tokens";

/** Confirms revoking a personal API token; it stops working on its next request. */
export function RevokeTokenDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const revokeToken = useRevokeApiToken();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      open={token !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
      title={`Revoke “${token?.name ?? ""}”?`}
      description="Scripts using this token get 401 on their next request. This cannot be undone."
    >
      {error && <p role="alert" className="text-sm text-danger">{error}</p>}
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          loading={revokeToken.isPending}
          onClick={() =>
            token &&
            revokeToken.mutate(token.id, {
              onSuccess: () => {
                toast(`Revoked “${token.name}”`);
                onClose();
              },
              onError: (caught) => setError(errorMessage(caught)),
            })
          }
        >
          Revoke token
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
