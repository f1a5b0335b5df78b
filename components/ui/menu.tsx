"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type MenuItem =
  | { kind: "link"; label: ReactNode; href: string; current?: boolean }
  | { kind: "action"; label: ReactNode; onSelect: () => void; tone?: "default" | "danger" }
  | { kind: "separator" }
  | { kind: "heading"; label: ReactNode };

/**
 * A menu button (WAI-ARIA pattern): Enter, Space or ArrowDown opens it on the first item,
 * arrows and Home/End move, Escape closes and returns focus, a click outside closes it.
 */
export function Menu({
  trigger,
  triggerClassName,
  items,
  align = "start",
  label,
}: {
  trigger: ReactNode;
  triggerClassName?: string;
  items: MenuItem[];
  align?: "start" | "end";
  /** Accessible name of the trigger when its content is not enough (an avatar, an icon). */
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const all = menuItems();
    all[(index + all.length) % all.length]?.focus();
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the menu opens; the handlers only read refs.
  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const all = menuItems();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  const itemClass =
    "flex w-full cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm outline-none hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none";

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        className={triggerClassName}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          onKeyDown={onMenuKeyDown}
          className={cn(
            "absolute top-full z-40 mt-1.5 max-h-[70vh] w-64 max-w-[calc(100vw-2rem)] animate-fade-in overflow-y-auto rounded-lg border border-line bg-surface p-1 shadow-overlay",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          {items.map((item, index) => {
            // biome-ignore lint/a11y/useSemanticElements: an <hr> is not allowed inside role="menu"; ARIA separators are the menu pattern.
            if (item.kind === "separator") return <div key={index} role="separator" className="my-1 h-px bg-line" />;
            if (item.kind === "heading") {
              return (
                <div key={index} role="presentation" className="px-2.5 pt-1.5 pb-1 text-xs text-muted">
                  {item.label}
                </div>
              );
            }
            if (item.kind === "link") {
              return (
                <Link
                  key={index}
                  href={item.href}
                  role="menuitem"
                  tabIndex={-1}
                  aria-current={item.current ? "page" : undefined}
                  className={cn(itemClass, item.current && "font-medium")}
                  onClick={() => setOpen(false)}
                >
                  {item.label}
                </Link>
              );
            }
            return (
              <button
                key={index}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={cn(itemClass, item.tone === "danger" && "text-danger")}
                onClick={() => {
                  close(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
