import type { Metadata } from "next";
import { requireActor } from "@/app/(studio)/data";
import { CreateOrganizationForm } from "@/components/organizations/create-organization-form";
import { listOrganizations } from "@/lib/organizations/organizations";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const actor = await requireActor("/orgs/new");
  const { data } = await listOrganizations({ actor, page: { limit: 1 } });
  const first = data.length === 0;

  return (
    <main className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="mb-6 space-y-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">{first ? "Create your first organization" : "New organization"}</h1>
        <p className="text-sm text-muted">An organization holds your team's projects, members and API access.</p>
      </div>
      <div className="rounded-2xl border border-line bg-surface p-6 shadow-xs sm:p-8">
        <CreateOrganizationForm />
      </div>
    </main>
  );
}
