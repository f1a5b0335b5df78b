import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled settings or content section inside a card, with an optional footer for its actions. */
export function Section({
  title,
  description,
  children,
  footer,
  tone = "default",
  className,
  headingLevel = 2,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  tone?: "default" | "danger";
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={cn("rounded-xl border bg-surface shadow-xs", tone === "danger" ? "border-danger/40" : "border-line", className)}>
      <div className="space-y-4 p-5 sm:p-6">
        <div className="space-y-1">
          <Heading className={cn("text-base font-semibold", tone === "danger" && "text-danger")}>{title}</Heading>
          {description && <p className="text-sm text-muted">{description}</p>}
        </div>
        {children}
      </div>
      {footer && (
        <div
          className={cn(
            "flex flex-wrap items-center justify-between gap-3 rounded-b-xl border-t px-5 py-3 sm:px-6",
            tone === "danger" ? "border-danger/30 bg-danger-soft/50" : "border-line bg-subtle/60",
          )}
        >
          {footer}
        </div>
      )}
    </section>
  );
}
