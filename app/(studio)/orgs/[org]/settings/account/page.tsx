import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { AccountSecurity } from "@/components/account/account-security";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSecurity } from "@/lib/users/change-password";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}/settings/account`);
  await loadOrganizationAccess(actor.userId, org);
  const security = await getAccountSecurity({ actor });

  return (
    <main className="space-y-6">
      <PageHeader title="Account" description={<>Your own sign-in: {actor.email}. It is yours, not this organization's.</>} />
      <AccountSecurity hasPassword={security.hasPassword} />
    </main>
  );
}
