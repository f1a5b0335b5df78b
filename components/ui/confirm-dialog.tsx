"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/hooks/api-fetch";

/**
 * "Are you sure?" with Cancel and one confirming button. `onConfirm` runs the action; if it
 * throws, its message shows in the dialog until the dialog closes. The caller closes the
 * dialog (or navigates away) once the action has succeeded.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  pending,
  onConfirm,
  errorTitle,
  tone = "danger",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** More to read before confirming, above any error. */
  children?: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
  errorTitle?: ReactNode;
  tone?: "danger" | "primary";
}) {
  const [error, setError] = useState<string | null>(null);
  const changeOpen = (next: boolean) => {
    if (!next) setError(null);
    onOpenChange(next);
  };

  async function confirm() {
    try {
      await onConfirm();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen} title={title} description={description}>
      {children}
      {error && (
        <Alert tone="danger" title={errorTitle} className={children ? "mt-4" : undefined}>
          {error}
        </Alert>
      )}
      <DialogFooter>
        <Button onClick={() => changeOpen(false)}>Cancel</Button>
        <Button variant={tone} loading={pending} onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
