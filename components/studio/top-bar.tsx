"use client";

import { Link } from "@/components/ui/link";
import { useParams, usePathname } from "next/navigation";
import { OrgSwitcher } from "@/components/studio/org-switcher";
import { Logo } from "@/components/studio/logo";
import { UserMenu } from "@/components/studio/user-menu";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { cn } from "@/components/ui/cn";
import type { Organization } from "@/lib/hooks/api-types";

/** Logo, organization switcher and account menu; on organization pages, the Projects/Settings tabs. */
export function TopBar({ user, organizations }: { user: { name: string; email: string }; organizations: Organization[] }) {
  const params = useParams<{ org?: string; project?: string }>();
  const pathname = usePathname();
  // Only an organization I belong to gets tabs (a 404 page for another slug shows none).
  const org = organizations.some((organization) => organization.slug === params.org) ? params.org : undefined;
  const base = org ? `/orgs/${org}` : null;
  // Inside a project its own sidebar takes over navigation.
  const tabs =
    base && !params.project
      ? [
          { label: "Projects", href: base, active: !pathname.startsWith(`${base}/settings`) },
          { label: "Settings", href: `${base}/settings/members`, active: pathname.startsWith(`${base}/settings`) },
        ]
      : [];

  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:px-6">
        <Logo className="shrink-0" />
        <span className="px-1 text-line-strong" aria-hidden="true">
          /
        </span>
        <OrgSwitcher currentSlug={org} initialOrganizations={organizations} />
        <div className="ml-auto flex items-center gap-3">
          <ThemeToggle className="max-sm:hidden" />
          <UserMenu
            user={user}
            apiTokensHref={base ? `${base}/settings/api-tokens` : undefined}
            accountHref={base ? `${base}/settings/account` : undefined}
          />
        </div>
      </div>
      {tabs.length > 0 && (
        <nav aria-label="Organization" className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 sm:px-4">
          {tabs.map((tab) => (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "relative rounded-md px-2.5 pt-1.5 pb-3 text-sm whitespace-nowrap transition-colors",
                tab.active
                  ? "font-medium text-fg after:absolute after:inset-x-2.5 after:bottom-0 after:h-0.5 after:rounded-full after:bg-accent"
                  : "text-muted hover:text-fg",
              )}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      )}
    </header>
  );
}
