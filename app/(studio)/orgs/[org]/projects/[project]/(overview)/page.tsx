import type { Metadata } from "next";
import { loadProjectPage } from "@/app/(studio)/data";
import { InstructionsEditor } from "@/components/instructions/instructions-editor";
import { Section } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/date";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/projects";

type Props = { params: Promise<{ org: string; project: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).project };
}

export default async function ProjectOverviewPage({ params }: Props) {
  const { org, project: projectSlug } = await params;
  const { access } = await loadProjectPage(org, projectSlug);
  const project = await getProject({ access });

  return (
    <main className="space-y-6">
      <h2 className="sr-only">Overview</h2>
      <Section title="Details">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {[
            ["Name", project.name],
            [
              "Slug",
              <span key="slug" className="font-mono text-[13px]">
                {project.slug}
              </span>,
            ],
            ["Visibility", project.visibility === "public" ? "Public" : "Private"],
            ["Created", <FormattedDate key="created" value={project.createdAt} />],
          ].map(([term, value]) => (
            <div key={String(term)} className="space-y-0.5">
              <dt className="text-xs text-muted">{term}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <InstructionsEditor
        org={org}
        project={project.slug}
        initialInstructions={project.instructions}
        canEdit={can(access, "project.edit")}
      />
      <Section title="Project owners" description="Project owners may publish, roll back, change visibility and manage production tokens.">
        {project.owners.length === 0 ? (
          <p className="text-sm text-muted">No project owners. Owners and Admins can assign them in Settings.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {project.owners.map((owner) => (
              <li key={owner.id} className="flex flex-wrap items-baseline gap-x-2 px-4 py-2.5 text-sm">
                <span className="font-medium">{owner.name || owner.email}</span>
                <span className="text-xs break-all text-muted">{owner.email}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </main>
  );
}
