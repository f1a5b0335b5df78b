import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { loadProjectPage } from "@/app/(studio)/data";
import { VisibilityBadge } from "@/components/projects/project-card";
import { ProjectNav } from "@/components/projects/project-nav";
import { PublishButton } from "@/components/publish-dialog/publish-button";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/projects";

type Props = { children: ReactNode; params: Promise<{ org: string; project: string }> };

export default async function ProjectLayout({ children, params }: Props) {
  const { org, project: projectSlug } = await params;
  const { access } = await loadProjectPage(org, projectSlug);
  const { organization } = access;
  const project = await getProject({ access });
  const canPublish = can(access, "project.publish");

  return (
    <div className="mx-auto w-full max-w-[90rem] px-4 py-6 sm:px-6 sm:py-8">
      <header className="mb-6 space-y-2 border-b border-line pb-5 md:mb-8">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <ol className="flex flex-wrap items-center gap-1.5">
            <li>
              <Link href={`/orgs/${org}`} className="hover:text-fg hover:underline">
                {organization.name}
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>
              <Link href={`/orgs/${org}`} className="hover:text-fg hover:underline">
                Projects
              </Link>
            </li>
          </ol>
        </nav>
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">{project.name}</h1>
              <VisibilityBadge visibility={project.visibility} />
              {project.productionVersion ? (
                <Badge tone="success">Production v{project.productionVersion}</Badge>
              ) : (
                <Badge>Not published</Badge>
              )}
            </div>
            <p className="font-mono text-xs text-muted">
              {org}/{project.slug}
            </p>
          </div>
          <PublishButton
            org={org}
            project={project.slug}
            canPublish={canPublish}
            canOverrideGate={can(access, "project.overridePublishGate")}
          />
        </div>
      </header>
      {/* Narrower below 1280 px, so the tool page's editor and test panel fit side by side at 1024 px. */}
      <div className="flex flex-col gap-6 md:flex-row xl:gap-10">
        <aside className="md:w-40 md:shrink-0 xl:w-48">
          <ProjectNav org={org} project={project.slug} />
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
