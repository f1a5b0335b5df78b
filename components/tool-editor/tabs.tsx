"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type TabItem<Id extends string> = { id: Id; label: string; hasError?: boolean; content: ReactNode };

/**
 * Tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs. A panel is rendered when its
 * tab is first shown and then stays mounted, so the editors keep their state, undo history and
 * scroll position when you switch; panels never shown cost nothing on a cold load (on a Data Tool's
 * page, the two schema editors wait until the Schema tab is opened).
 */
export function Tabs<Id extends string>({
  label,
  items,
  selected,
  onSelect,
}: {
  label: string;
  items: TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}) {
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<ReadonlySet<Id>>(() => new Set([selected]));
  if (!shown.has(selected)) setShown(new Set(shown).add(selected));

  function onKeyDown(event: KeyboardEvent) {
    const index = items.findIndex((item) => item.id === selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = items[(moves[event.key] + items.length) % items.length];
    onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  }

  return (
    <div>
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="-mx-1 flex gap-1 overflow-x-auto border-b border-line px-1"
      >
        {items.map((item) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              type="button"
              role="tab"
              data-tab={item.id}
              id={`${baseId}-tab-${item.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${item.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(item.id)}
              className={cn(
                "relative -mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap transition-colors",
                active ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
              )}
            >
              {item.label}
              {item.hasError && <span className="size-1.5 rounded-full bg-danger" aria-label="has an error" role="img" />}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${baseId}-panel-${item.id}`}
          aria-labelledby={`${baseId}-tab-${item.id}`}
          hidden={item.id !== selected}
          className="pt-5"
        >
          {shown.has(item.id) || item.id === selected ? item.content : null}
        </div>
      ))}
    </div>
  );
}
