import { redirect } from "next/navigation";

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  redirect(`/orgs/${(await params).org}/settings/members`);
}
