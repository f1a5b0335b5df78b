import { redirect } from "next/navigation";
import { requireActor } from "@/app/(studio)/data";
import { listOrganizations } from "@/lib/organizations/organizations";

// "/" → the first organization, or creating one for a brand-new user.
export default async function HomePage() {
  const actor = await requireActor("/");
  const { data } = await listOrganizations({ actor, page: { limit: 1 } });
  redirect(data[0] ? `/orgs/${data[0].slug}` : "/orgs/new");
}
