"use client";

import { useId } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

/**
 * An action the member's role cannot take: shown, disabled, with the reason on hover (title) and
 * for screen readers (aria-describedby), instead of a button that fails after the click.
 */
export function DisabledAction({
  label,
  reason,
  variant = "primary",
  size = "md",
}: {
  label: string;
  reason: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const reasonId = useId();
  return (
    <span title={reason} className="inline-flex">
      <Button variant={variant} size={size} disabled aria-describedby={reasonId}>
        {label}
      </Button>
      <span id={reasonId} className="sr-only">
        {reason}
      </span>
    </span>
  );
}
