import type { Metadata } from "next";
import { loadProjectPage, publicOrigin } from "@/app/(studio)/data";
import { ServerTab } from "@/components/server-tab/server-tab";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listProductionTokens } from "@/lib/production-tokens/production-tokens";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Server" };

export default async function ServerPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project: projectSlug } = await params;
  const { access } = await loadProjectPage(org, projectSlug, "server");
  const canManageTokens = can(access, "project.tokens");
  const [project, origin, productionTokens] = await Promise.all([
    getProject({ access }),
    publicOrigin(),
    canManageTokens ? listProductionTokens({ access }) : null,
  ]);

  return (
    <ServerTab
      org={org}
      project={project.slug}
      origin={origin}
      productionVersion={project.productionVersion}
      draftToken={{ prefix: project.draftTokenPrefix, rotatedAt: project.draftTokenRotatedAt?.toISOString() ?? null }}
      productionTokens={productionTokens ? toJson(productionTokens) : null}
      canRotate={canManageTokens}
    />
  );
}
