import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A block of text to paste somewhere else, with its own copy button. The figure is named by its caption. */
export function CodeSnippet({ label, value }: { label: string; value: string }) {
  const labelId = useId();
  return (
    <figure className="space-y-1.5" aria-labelledby={labelId}>
      <figcaption className="flex items-center justify-between gap-2">
        <span id={labelId} className="text-sm font-medium">
          {label}
        </span>
        <CopyButton value={value} />
      </figcaption>
      <pre className="overflow-x-auto rounded-lg border border-line bg-subtle px-3 py-2.5 font-mono text-[12.5px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
        {value}
      </pre>
    </figure>
  );
}
