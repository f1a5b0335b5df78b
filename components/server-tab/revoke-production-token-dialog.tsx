"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { ProductionToken } from "@/lib/hooks/api-types";
import { useRevokeProductionToken } from "@/lib/hooks/use-production-tokens";

/** Confirms revoking a production token; hosts using it get 401 on their next request. */
export function RevokeProductionTokenDialog({ org, project, token, onClose }: { org: string; project: string; token: ProductionToken | null; onClose: () => void }) {
  const revokeToken = useRevokeProductionToken(org, project);
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog
      open={token !== null}
      onOpenChange={(open) => !open && close()}
      title={`Revoke “${token?.name ?? ""}”?`}
      description="Hosts using this token get 401 on their next request. This cannot be undone."
    >
      {error && <Alert tone="danger">{error}</Alert>}
      <DialogFooter>
        <Button onClick={close}>Cancel</Button>
        <Button
          variant="danger"
          loading={revokeToken.isPending}
          onClick={() =>
            token &&
            revokeToken.mutate(token.id, {
              onSuccess: () => {
                toast(`Revoked “${token.name}”`);
                close();
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
