"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type NavItem = { label: string; href: string };

/**
 * A section's navigation: a vertical list beside the content on wide screens,
 * a scrollable row of tabs above it on phones.
 */
export function SectionNav({ label, items, exact = [] }: { label: string; items: NavItem[]; exact?: string[] }) {
  const pathname = usePathname();
  const isActive = (href: string) => (exact.includes(href) ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));

  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:overflow-visible md:px-0">
      <ul className="flex gap-1 border-b border-line md:flex-col md:gap-0.5 md:border-none">
        {items.map((item) => {
          const active = isActive(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
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
