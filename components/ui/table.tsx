import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

// The studio's one table: a bordered, scrollable card; a quiet header row; rows split by lines.
// Columns hide on small screens with `hidden md:table-cell` on both their Th and Td.

export function Table({ className, frameClassName, children, ...props }: HTMLAttributes<HTMLTableElement> & { frameClassName?: string }) {
  return (
    <div className={cn("overflow-x-auto rounded-xl border border-line bg-surface shadow-xs", frameClassName)}>
      <table className={cn("w-full text-left text-sm", className)} {...props}>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-line bg-subtle/60 text-xs text-muted", className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

/** `compact`: narrower side padding on phones, for tables with many columns. */
type Compact = { compact?: boolean };

/** A column header (scope="col"). */
export function Th({ className, compact, ...props }: ThHTMLAttributes<HTMLTableCellElement> & Compact) {
  return <th scope="col" className={cn(compact ? "px-3 sm:px-4" : "px-4", "py-2.5 font-medium", className)} {...props} />;
}

export function Td({ className, compact, ...props }: TdHTMLAttributes<HTMLTableCellElement> & Compact) {
  return <td className={cn(compact ? "px-3 sm:px-4" : "px-4", "py-3", className)} {...props} />;
}
