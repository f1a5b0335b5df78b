import type { Metadata } from "next";
import { loadProjectPage, publicOrigin } from "@/app/(studio)/data";
import { DangerZone } from "@/components/projects/settings/danger-zone";
import { ExportImport } from "@/components/projects/settings/export-import";
import { GeneralSettings } from "@/components/projects/settings/general-settings";
import { KillSwitch } from "@/components/projects/settings/kill-switch";
import { ProjectOwnersSettings } from "@/components/projects/settings/project-owners-settings";
import { RateLimitsSettings } from "@/components/projects/settings/rate-limits-settings";
import { VisibilitySettings } from "@/components/projects/settings/visibility-settings";
import { Section } from "@/components/ui/card";
import { toJson } from "@/lib/hooks/api-types";
import { listMembers } from "@/lib/members/members";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ org: string; project: string }> }) {
  const { org, project: projectSlug } = await params;
  const { access } = await loadProjectPage(org, projectSlug, "settings");
  const canManageOwners = can(access, "project.owners");
  const [project, members, origin] = await Promise.all([
    getProject({ access }),
    canManageOwners ? listMembers({ access, page: { limit: 100 } }) : null,
    publicOrigin(),
  ]);

  return (
    <main className="space-y-6">
      <h2 className="sr-only">Settings</h2>
      <GeneralSettings org={org} project={{ slug: project.slug, name: project.name }} canEdit={can(access, "project.settings")} />
      <VisibilitySettings
        org={org}
        project={{ slug: project.slug, visibility: project.visibility, productionVersion: project.productionVersion }}
        productionUrl={`${origin}/mcp/${org}/${project.slug}`}
        canChange={can(access, "project.visibility")}
      />
      <KillSwitch org={org} project={{ slug: project.slug, visibility: project.visibility }} canUse={can(access, "project.killSwitch")} />
      <RateLimitsSettings
        // Remount after a save elsewhere (router.refresh) so the form shows the stored values.
        key={JSON.stringify(project.rateLimits)}
        org={org}
        projectSlug={project.slug}
        rateLimits={project.rateLimits}
        canEdit={can(access, "project.settings")}
      />
      {members ? (
        <ProjectOwnersSettings
          org={org}
          projectSlug={project.slug}
          members={toJson(members.data)}
          ownerIds={project.owners.map((owner) => owner.id)}
        />
      ) : (
        <Section title="Project owners" description="Only Owners and Admins assign project owners.">
          <p className="text-sm">
            {project.owners.length > 0 ? project.owners.map((owner) => owner.name || owner.email).join(", ") : "No project owners yet."}
          </p>
        </Section>
      )}
      <ExportImport
        org={org}
        project={project.slug}
        canImportHere={can(access, "project.edit")}
        canCreateProject={can(access, "organization.createProject")}
      />
      {can(access, "project.delete") && <DangerZone org={org} project={{ slug: project.slug, name: project.name }} />}
    </main>
  );
}
