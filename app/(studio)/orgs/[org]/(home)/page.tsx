import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { NewProjectDialog } from "@/components/projects/new-project-dialog";
import { ProjectCard } from "@/components/projects/project-card";
import { DisabledAction } from "@/components/ui/disabled-action";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, permissionReason } from "@/lib/permissions";
import { listProjects } from "@/lib/projects/projects";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Projects · ${(await params).org}` };
}

export default async function OrganizationPage({ params }: Props) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}`);
  const access = await loadOrganizationAccess(actor.userId, org);
  const { data: projects } = await listProjects({ access, page: { limit: 100 } });
  const canCreate = can({ role: access.membership.role }, "organization.createProject");
  const create = canCreate ? (
    <NewProjectDialog org={org} />
  ) : (
    <DisabledAction label="New project" reason={permissionReason("organization.createProject", "create projects")} />
  );

  return (
    <main className="mx-auto w-full max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={access.organization.name}
        description="Each project is one MCP server: its tools, a draft endpoint to test, and a production endpoint for hosts."
        actions={projects.length > 0 ? create : undefined}
      />
      {projects.length === 0 ? (
        <EmptyState
          title="No projects yet"
          description={
            canCreate ? "Create a project to start building MCP tools." : "Projects appear here once an Owner or Admin creates one."
          }
          action={create}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <ProjectCard key={project.id} org={org} project={project} />
          ))}
        </ul>
      )}
    </main>
  );
}
