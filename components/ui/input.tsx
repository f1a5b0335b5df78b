import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control = cn(
  "w-full rounded-control border border-line-strong bg-surface text-sm text-fg shadow-xs transition-colors",
  "placeholder:text-muted/80 hover:border-muted/50",
  "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent/30",
  "disabled:cursor-not-allowed disabled:bg-subtle disabled:text-muted",
  "aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:outline-danger/30",
);

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, "h-9 px-3 read-only:bg-subtle", className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, "min-h-24 px-3 py-2 leading-relaxed read-only:bg-subtle", className)} {...props} />;
}

/** A native select with a consistent chevron. `size="sm"` fits table rows. */
export function Select({
  className,
  controlSize = "md",
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { controlSize?: "sm" | "md" }) {
  return (
    <div className={cn("relative", className ?? "w-full")}>
      <select className={cn(control, "appearance-none pr-8 pl-3", controlSize === "sm" ? "h-8" : "h-9")} {...props}>
        {children}
      </select>
      <svg
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted"
      >
        <path d="m6 8 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}
