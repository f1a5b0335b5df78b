"use client";

import { signOutTo } from "@/components/auth/sign-out";
import { Menu } from "@/components/ui/menu";

function initials(name: string, email: string) {
  const words = (name || email).trim().split(/\s+/);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words[words.length - 1][0] ?? "") : "")).toUpperCase() || "?";
}

export function UserMenu({
  user,
  apiTokensHref,
  accountHref,
}: {
  user: { name: string; email: string };
  apiTokensHref?: string;
  accountHref?: string;
}) {
  return (
    <Menu
      align="end"
      label="Account menu"
      triggerClassName="flex size-8 items-center justify-center rounded-full bg-fg text-xs font-semibold text-white hover:opacity-90"
      trigger={<span aria-hidden="true">{initials(user.name, user.email)}</span>}
      items={[
        {
          kind: "heading",
          label: (
            <>
              <span className="block truncate text-sm font-medium text-fg">{user.name}</span>
              <span className="block truncate">{user.email}</span>
            </>
          ),
        },
        { kind: "separator" },
        ...(accountHref ? [{ kind: "link" as const, href: accountHref, label: "Account" }] : []),
        ...(apiTokensHref ? [{ kind: "link" as const, href: apiTokensHref, label: "API tokens" }] : []),
        { kind: "action", label: "Sign out", onSelect: () => void signOutTo("/sign-in") },
      ]}
    />
  );
}
