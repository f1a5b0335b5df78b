import type { Metadata } from "next";
import { loadProjectAccess, publicOrigin, requireActor } from "@/app/(studio)/data";
import { ServerTab } from "@/components/server-tab/server-tab";
import { toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listProductionTokens } from "@/lib/production-tokens/production-tokens";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Server" };

export default async function ServerPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project: projectSlug } = await params;
  const actor = await requireActor(`/orgs/${org}/projects/${projectSlug}/server`);
  const access = await loadProjectAccess(actor.userId, org, projectSlug);
  const canManageTokens = can({ role: access.membership.role, isProjectOwner: access.isProjectOwner }, "project.tokens");
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
