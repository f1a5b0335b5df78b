"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { THEME_STORAGE_KEY, type ThemeChoice } from "./theme-script";

const CHOICES: { value: ThemeChoice; label: string; icon: string }[] = [
  { value: "system", label: "System", icon: "M3 5h18v11H3zM8 20h8M12 16v4" },
  {
    value: "light",
    label: "Light",
    icon: "M12 4V2M12 22v-2M4 12H2M22 12h-2M5 5l1.5 1.5M17.5 17.5 19 19M5 19l1.5-1.5M17.5 6.5 19 5M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
  },
  { value: "dark", label: "Dark", icon: "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" },
];

declare global {
  interface Window {
    __atelierApplyTheme?: () => void;
  }
}

/** System, Light or Dark; saved in this browser (other tabs follow at once). */
export function ThemeToggle({ className }: { className?: string }) {
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => {
    const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
    if (saved === "light" || saved === "dark") setChoice(saved);
  }, []);

  const choose = (value: ThemeChoice) => {
    setChoice(value);
    if (value === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, value);
    window.__atelierApplyTheme?.();
  };

  return (
    <fieldset className={cn("flex rounded-control border border-line p-0.5", className)}>
      <legend className="sr-only">Theme</legend>
      {CHOICES.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={choice === option.value}
          title={`${option.label} theme`}
          onClick={() => choose(option.value)}
          className={cn(
            "flex cursor-pointer items-center justify-center rounded-[calc(var(--radius-control)-2px)] p-1",
            choice === option.value ? "bg-subtle text-fg" : "text-muted hover:text-fg",
          )}
        >
          <svg
            viewBox="0 0 24 24"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
          >
            <path d={option.icon} />
          </svg>
          <span className="sr-only">{option.label} theme</span>
        </button>
      ))}
    </fieldset>
  );
}
