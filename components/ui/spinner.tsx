import { cn } from "@/components/ui/cn";

/** A small indeterminate spinner; decorative, so the surrounding text carries the meaning. */
export function Spinner({ className }: { className?: string }) {
  return (
    <svg className={cn("size-4 animate-spin", className)} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** A grey placeholder block for loading states. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-line/70", className)} aria-hidden="true" />;
}

/** A loading placeholder announced to assistive technology. */
export function LoadingRegion({ label = "Loading", children }: { label?: string; children: React.ReactNode }) {
  return (
    // data-loading-region: scripts/bench-navigation.ts waits for it to go.
    <div role="status" aria-live="polite" data-loading-region="">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
