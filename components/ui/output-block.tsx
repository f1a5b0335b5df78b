import type { ReactNode } from "react";
import { cn } from "./cn";

/** A titled part of a tool result or execution record (Content, Output, Console…), with optional actions. */
export function OutputBlock({
  title,
  actions,
  level = 3,
  children,
}: {
  title: string;
  actions?: ReactNode;
  level?: 3 | 4;
  children: ReactNode;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <section className="space-y-1.5">
      <div className="flex min-h-8 items-center justify-between gap-2">
        <Heading className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Preformatted JSON, text or console output that wraps and scrolls inside its box. */
export function OutputCode({ children, className }: { children: string; className?: string }) {
  return (
    <pre
      className={cn(
        "max-h-96 overflow-auto rounded-lg border border-line bg-subtle px-3 py-2 font-mono text-[12.5px] leading-relaxed break-words whitespace-pre-wrap",
        className,
      )}
    >
      {children}
    </pre>
  );
}
