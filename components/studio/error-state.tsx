"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The body of an error.tsx boundary: what happened, in words, and a way to try again. */
export function ErrorState({ error, retry, title = "Something went wrong" }: { error: unknown; retry: () => void; title?: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";

  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center rounded-xl border border-line bg-surface px-6 py-12 text-center shadow-xs"
    >
      <div
        className="mb-3 flex size-10 items-center justify-center rounded-full bg-danger-soft text-lg font-semibold text-danger"
        aria-hidden="true"
      >
        !
      </div>
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-muted">This page could not be loaded. Try again; if it keeps failing, check the server log.</p>
      {digest && <p className="mt-2 font-mono text-xs text-muted">Reference: {digest}</p>}
      <Button variant="primary" className="mt-5" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
