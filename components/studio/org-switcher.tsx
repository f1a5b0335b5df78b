"use client";

import { Menu, type MenuItem } from "@/components/ui/menu";
import type { Organization } from "@/lib/hooks/api-types";
import { useOrganizations } from "@/lib/hooks/use-organizations";

function Chevron() {
  return (
    <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-muted" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
      <path d="m6.5 8 3.5-3.5L13.5 8M6.5 12l3.5 3.5 3.5-3.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Dropdown of my organizations and "New organization". */
export function OrgSwitcher({ currentSlug, initialOrganizations }: { currentSlug?: string; initialOrganizations: Organization[] }) {
  const { data: organizations = initialOrganizations } = useOrganizations({ initialData: initialOrganizations });
  const current = organizations.find((organization) => organization.slug === currentSlug);

  const items: MenuItem[] = [
    { kind: "heading", label: "Organizations" },
    ...organizations.map(
      (organization): MenuItem => ({
        kind: "link",
        href: `/orgs/${organization.slug}`,
        current: organization.slug === currentSlug,
        label: (
          <>
            <span
              className="flex size-5 shrink-0 items-center justify-center rounded bg-accent-soft text-[11px] font-semibold text-accent-fg uppercase"
              aria-hidden="true"
            >
              {organization.name.slice(0, 1)}
            </span>
            <span className="min-w-0 flex-1 truncate">{organization.name}</span>
            {organization.slug === currentSlug && <span className="text-xs text-muted">Current</span>}
          </>
        ),
      }),
    ),
    { kind: "separator" },
    { kind: "link", href: "/orgs/new", label: "+ New organization" },
  ];

  return (
    <Menu
      items={items}
      triggerClassName="flex max-w-[11rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-subtle sm:max-w-xs"
      trigger={
        <>
          <span className="sr-only">Switch organization, current: </span>
          <span className="truncate">{current?.name ?? "Select organization"}</span>
          <Chevron />
        </>
      }
    />
  );
}
