import type { Metadata } from "next";
import { headers } from "next/headers";
import { loadProjectAccess, requireActor } from "@/app/(studio)/data";
import { ServerTab } from "@/components/server-tab/server-tab";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Server" };

/** The origin hosts use: ATELIER_URL behind a proxy, else this request's own (as the MCP routes do). */
async function publicOrigin(): Promise<string> {
  const configured = env().ATELIER_URL;
  if (configured) return new URL(configured).origin;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}

export default async function ServerPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project: projectSlug } = await params;
  const actor = await requireActor(`/orgs/${org}/projects/${projectSlug}/server`);
  const access = await loadProjectAccess(actor.userId, org, projectSlug);
  const [project, origin] = await Promise.all([getProject({ access }), publicOrigin()]);

  return (
    <ServerTab
      org={org}
      project={project.slug}
      origin={origin}
      draftToken={{ prefix: project.draftTokenPrefix, rotatedAt: project.draftTokenRotatedAt?.toISOString() ?? null }}
      canRotate={can({ role: access.membership.role, isProjectOwner: access.isProjectOwner }, "project.tokens")}
    />
  );
}
