import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const tones = {
  info: "border-accent/25 bg-accent-soft text-accent-fg",
  success: "border-success/30 bg-success-soft text-success",
  warning: "border-warning/30 bg-warning-soft text-warning",
  danger: "border-danger/30 bg-danger-soft text-danger",
} as const;

/**
 * A callout. Errors are announced at once (role="alert"); other tones are polite status messages.
 */
export function Alert({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cn("rounded-lg border px-4 py-3 text-sm", tones[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cn("text-fg/85", Boolean(title) && "mt-1")}>{children}</div>}
    </div>
  );
}
