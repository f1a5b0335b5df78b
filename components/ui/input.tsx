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

export function Select({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        control,
        "h-9 appearance-none bg-[url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20' fill='%236b7280'%3E%3Cpath d='M5.5 7.5 10 12l4.5-4.5'/%3E%3C/svg%3E\")] bg-[length:1.1rem] bg-[right_0.5rem_center] bg-no-repeat pr-8 pl-3",
        className,
      )}
      {...props}
    >
      {children}
    </select>
  );
}
