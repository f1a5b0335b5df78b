"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

async function writeClipboard(text: string) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP self-hosted installs have no Clipboard API: fall back to a hidden textarea.
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.append(textarea);
  textarea.select();
  const copied = document.execCommand("copy");
  textarea.remove();
  if (!copied) throw new Error("Copy failed");
}

/** Copies `value`; the label turns into "Copied" for a moment (announced politely). */
export function CopyButton({
  value,
  label = "Copy",
  size = "sm",
  className,
}: {
  value: string;
  label?: string;
  size?: ButtonSize;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <Button
      size={size}
      variant="secondary"
      className={cn("min-w-18", className)}
      onClick={() =>
        writeClipboard(value).then(
          () => setState("copied"),
          () => setState("failed"),
        )
      }
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
    </Button>
  );
}

/**
 * A read-only value (a link, a token) with a copy button. The value is a read-only textarea
 * so that it can be selected by hand and read both as a form value and as text.
 */
export function CopyField({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className={cn("flex items-stretch gap-2", className)}>
      <textarea
        aria-label={label}
        readOnly
        rows={1}
        wrap="off"
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className="h-9 min-w-0 flex-1 resize-none overflow-hidden rounded-control border border-line-strong bg-subtle px-3 py-1.5 font-mono text-[13px] leading-6 text-fg"
      />
      <CopyButton value={value} size="md" />
    </div>
  );
}
