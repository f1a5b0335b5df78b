import { cn } from "@/components/ui/cn";

/** "Unsaved changes" / "Saving…" / "Saved", announced politely as it changes. */
export function SaveStatus({ dirty, saving }: { dirty: boolean; saving: boolean }) {
  const label = saving ? "Saving…" : dirty ? "Unsaved changes" : "Saved";
  return (
    <span role="status" className={cn("inline-flex items-center gap-1.5 text-sm", dirty || saving ? "text-warning" : "text-success")}>
      <span aria-hidden="true" className={cn("size-2 rounded-full", dirty || saving ? "bg-warning" : "bg-success")} />
      {label}
    </span>
  );
}
