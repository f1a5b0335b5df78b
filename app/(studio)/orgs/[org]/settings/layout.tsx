import type { ReactNode } from "react";
import { SectionNav } from "@/components/settings/settings-nav";

export default async function OrganizationSettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const base = `/orgs/${org}/settings`;
  const items = [
    { label: "Members", href: `${base}/members` },
    { label: "Authorized apps", href: `${base}/authorized-apps` },
    { label: "Audit log", href: `${base}/audit-log` },
    { label: "API tokens", href: `${base}/api-tokens` },
    { label: "Account", href: `${base}/account` },
  ];

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6 md:flex-row md:gap-10">
      <aside className="md:w-48 md:shrink-0">
        <p className="mb-2 hidden px-3 text-xs font-medium tracking-wide text-muted uppercase md:block">Settings</p>
        <SectionNav label="Organization settings" items={items} />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
