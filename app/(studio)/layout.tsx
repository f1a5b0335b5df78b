import { connection } from "next/server";
import type { ReactNode } from "react";
import { TopBar } from "@/components/studio/top-bar";
import { getSessionActor } from "@/lib/auth/session";
import { toJson } from "@/lib/hooks/api-types";
import { listOrganizations } from "@/lib/organizations/organizations";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  await connection(); // per-request: never prerendered at build time
  const actor = await getSessionActor();
  // Signed out (or a stale cookie): each page redirects to sign-in with its own path as callbackUrl.
  if (!actor) return children;
  const organizations = await listOrganizations({ actor, page: { limit: 100 } });

  return (
    <div className="flex min-h-dvh flex-col">
      <TopBar user={{ name: actor.name, email: actor.email }} organizations={toJson(organizations.data)} />
      <div className="flex-1">{children}</div>
    </div>
  );
}
