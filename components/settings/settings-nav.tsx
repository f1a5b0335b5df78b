"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export type NavItem = { label: string; href: string };

/**
 * A section's navigation: a vertical list beside the content on wide screens,
 * a scrollable row of tabs above it on phones.
 */
export function SectionNav({ label, items, exact = [] }: { label: string; items: NavItem[]; exact?: string[] }) {
  const pathname = usePathname();
  // The clicked item is marked at once, before the next page arrives, so a click always answers.
  // It holds only while the old address is shown: once the pathname changes, the address decides again.
  const [clickedOn, setClickedOn] = useState<{ href: string; from: string } | null>(null);
  const clicked = clickedOn?.from === pathname ? clickedOn.href : null;
  const matches = (href: string) => (exact.includes(href) ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const isActive = (href: string) => (clicked ? clicked === href : matches(href));

  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:overflow-visible md:px-0">
      <ul className="flex gap-1 border-b border-line md:flex-col md:gap-0.5 md:border-none">
        {items.map((item) => {
          const active = isActive(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={matches(item.href) ? "page" : undefined}
                onClick={(event) => {
                  if (!event.defaultPrevented && !event.metaKey && !event.ctrlKey && !event.shiftKey)
                    setClickedOn({ href: item.href, from: pathname });
                }}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm whitespace-nowrap transition-colors",
                  "max-md:-mb-px max-md:rounded-none max-md:border-b-2",
                  active
                    ? "font-medium text-fg max-md:border-accent md:bg-subtle"
                    : "text-muted hover:text-fg max-md:border-transparent md:hover:bg-subtle/70",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
