"use client";

import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/dialog";

/**
 * A panel sliding over the right edge (full width on a phone), on the native <dialog> element like
 * components/ui/dialog.tsx: the browser traps focus, restores it on close and closes on Escape.
 */
export function Drawer({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode }) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard closes a <dialog> with Escape natively.
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-2xl border-l border-line bg-surface p-0 text-fg shadow-overlay open:animate-fade-in"
    >
      {open && (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-line px-4 py-3 sm:px-6">
            <h2 id={titleId} className="min-w-0 pt-1 text-base font-semibold">
              {title}
            </h2>
            <Button size="sm" variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-6 sm:py-5">{children}</div>
        </div>
      )}
    </dialog>
  );
}
