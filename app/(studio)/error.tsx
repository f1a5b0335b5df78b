"use client";

import { ErrorState } from "@/components/studio/error-state";

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="px-4 py-12">
      <ErrorState error={error} retry={retry} />
    </div>
  );
}
