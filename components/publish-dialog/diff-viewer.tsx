import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { FileDiff } from "@/lib/hooks/api-types";
import { parseUnifiedDiff, type DiffRow } from "./unified-diff";

const STATUS = {
  added: { label: "Added", tone: "success" },
  modified: { label: "Modified", tone: "accent" },
  removed: { label: "Removed", tone: "danger" },
} as const;

const ROW_STYLE: Record<DiffRow["kind"], string> = {
  hunk: "bg-accent-soft/60 text-accent-fg",
  context: "",
  added: "bg-success-soft text-fg",
  removed: "bg-danger-soft text-fg",
  note: "text-muted italic",
};

const MARKER: Record<DiffRow["kind"], string> = { hunk: "", context: " ", added: "+", removed: "−", note: "" };

function LineNumber({ value }: { value: number | null | undefined }) {
  return <span className="w-10 shrink-0 px-2 text-right text-muted/80 select-none">{value ?? ""}</span>;
}

function DiffRows({ rows }: { rows: DiffRow[] }) {
  return (
    <div className="overflow-x-auto border-t border-line">
      <div className="min-w-max py-1 font-mono text-[12px] leading-5">
        {rows.map((row, index) => (
          <div key={index} className={cn("flex", ROW_STYLE[row.kind])}>
            {row.kind === "hunk" || row.kind === "note" ? (
              <span className="px-3 whitespace-pre">{row.text}</span>
            ) : (
              <>
                <LineNumber value={row.oldLine} />
                <LineNumber value={row.newLine} />
                <span
                  aria-hidden="true"
                  className={cn(
                    "w-5 shrink-0 text-center select-none",
                    row.kind === "added" && "text-success",
                    row.kind === "removed" && "text-danger",
                  )}
                >
                  {MARKER[row.kind]}
                </span>
                <span className="pr-4 whitespace-pre">
                  {row.kind !== "context" && <span className="sr-only">{row.kind === "added" ? "Added: " : "Removed: "}</span>}
                  {row.text}
                </span>
              </>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

function FileDiffView({ file, open }: { file: FileDiff; open: boolean }) {
  const parsed = parseUnifiedDiff(file.diff);
  const status = STATUS[file.status];
  return (
    <details open={open} className="group rounded-lg border border-line bg-surface">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm select-none hover:bg-subtle/70 [&::-webkit-details-marker]:hidden">
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          aria-hidden="true"
          className="size-4 shrink-0 text-muted transition-transform group-open:rotate-90"
        >
          <path d="m8 6 4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="min-w-0 flex-1 font-mono text-[13px] [overflow-wrap:anywhere]">{file.path}</span>
        <span className="hidden shrink-0 font-mono text-xs sm:inline">
          <span className="text-success">+{parsed.added}</span> <span className="text-danger">−{parsed.removed}</span>
        </span>
        <Badge tone={status.tone} className="shrink-0">
          {status.label}
        </Badge>
      </summary>
      <DiffRows rows={parsed.rows} />
    </details>
  );
}

/**
 * One collapsible unified diff per file, its path as the header. Modified files open by default
 * (that is what a reviewer reads); added and removed ones too when there are only a few files.
 */
export function DiffViewer({ files, label = "Changed files" }: { files: FileDiff[]; label?: string }) {
  if (files.length === 0) return <p className="text-sm text-muted">No file changed.</p>;
  return (
    <section aria-label={label} className="space-y-2">
      {files.map((file) => (
        <FileDiffView key={file.path} file={file} open={file.status === "modified" || files.length <= 3} />
      ))}
    </section>
  );
}
