import type { Metadata } from "next";
import { loadProjectPage, orNotFound, publicOrigin } from "@/app/(studio)/data";
import { PackageDetail } from "@/components/history/package-detail";
import { toJson } from "@/lib/hooks/api-types";
import { getPackage } from "@/lib/packages/list-packages";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ org: string; project: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `v${(await params).version} · History` };
}

export default async function PackagePage({ params }: Props) {
  const { org, project, version } = await params;
  const { access } = await loadProjectPage(org, project, `history/${version}`);
  const [item, origin] = await Promise.all([orNotFound(getPackage({ access, version })), publicOrigin()]);

  return (
    <PackageDetail
      org={org}
      project={access.project.slug}
      origin={origin}
      initialPackage={toJson(item)}
      canPublish={can(access, "project.publish")}
    />
  );
}
