"use client";

import { useId, type LabelHTMLAttributes, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: a primitive; callers pass htmlFor or wrap the control.
  return <label className={cn("block text-sm font-medium text-fg", className)} {...props} />;
}

/** Props a form control needs to be described by its field's hint and error. */
export type FieldControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A label, a control, an optional hint and an error message, wired together:
 * the control is named by the label and described by the hint and the error.
 */
export function Field({
  label,
  labelClassName,
  labelAside,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  labelClassName?: string;
  /** Shown beside the label, outside it (e.g. "required"), so the control's name stays the label alone. */
  labelAside?: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-1.5", className)}>
      {labelAside ? (
        <div className="flex items-baseline gap-2">
          <Label htmlFor={id} className={labelClassName}>
            {label}
          </Label>
          {labelAside}
        </div>
      ) : (
        <Label htmlFor={id} className={labelClassName}>
          {label}
        </Label>
      )}
      {children({ id, "aria-describedby": describedBy || undefined, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
