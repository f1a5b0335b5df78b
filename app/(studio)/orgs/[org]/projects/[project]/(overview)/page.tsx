import type { Metadata } from "next";
import { loadProjectPage, publicOrigin } from "@/app/(studio)/data";
import { InstructionsEditor } from "@/components/instructions/instructions-editor";
import { countChanges, nextSteps } from "@/components/project-overview/next-steps";
import { ConnectHints, NextSteps, ProjectFigures, RecentExecutions } from "@/components/project-overview/project-status";
import { Section } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/date";
import { listComponentNames } from "@/lib/components/components";
import { executionListQuerySchema } from "@/lib/executions/execution-filters";
import { listExecutions } from "@/lib/executions/executions";
import type { ProjectAccess } from "@/lib/access";
import { toJson } from "@/lib/hooks/api-types";
import { getDraftChanges } from "@/lib/packages/discard-draft-changes";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/projects";
import { listTools } from "@/lib/tools/tools";

type Props = { params: Promise<{ org: string; project: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).project };
}

/** The last calls, and whether each endpoint has answered any, for those who may see executions. */
async function loadActivity(access: ProjectAccess) {
  if (!can(access, "project.executions")) return null;
  const list = (query: Record<string, string>) => listExecutions({ access, query: executionListQuerySchema.parse(query) });
  const [recent, draft, production] = await Promise.all([
    list({ limit: "5" }),
    list({ limit: "1", environment: "draft" }),
    list({ limit: "1", environment: "production" }),
  ]);
  return { recent: toJson(recent.data), draftCalled: draft.data.length > 0, productionCalled: production.data.length > 0 };
}

export default async function ProjectOverviewPage({ params }: Props) {
  const { org, project: projectSlug } = await params;
  const { access } = await loadProjectPage(org, projectSlug);
  const [project, tools, components, changes, activity, origin] = await Promise.all([
    getProject({ access }),
    listTools({ access }),
    listComponentNames({ access }),
    getDraftChanges({ access }),
    loadActivity(access),
    publicOrigin(),
  ]);
  const base = `/orgs/${org}/projects/${project.slug}`;
  const uiTools = tools.filter((tool) => tool.kind === "ui").map((tool) => ({ name: tool.name, componentName: tool.component }));
  const dataTools = tools.length - uiTools.length;
  const unpublishedChanges = countChanges(changes);
  const productionUrl = `${origin}/mcp/${org}/${project.slug}`;
  const steps = activity
    ? nextSteps({
        uiTools,
        dataTools,
        components: components.length,
        productionVersion: project.productionVersion,
        unpublishedChanges,
        draftCalled: activity.draftCalled,
        productionCalled: activity.productionCalled,
      })
    : null;

  return (
    <main className="space-y-6">
      <h2 className="sr-only">Overview</h2>
      <ProjectFigures
        figures={[
          { label: "UI Tools", value: String(uiTools.length), href: `${base}/ui-tools` },
          { label: "Data Tools", value: String(dataTools), href: `${base}/data-tools` },
          { label: "Components", value: String(components.length), href: `${base}/components` },
          project.productionVersion
            ? {
                label: "Production",
                value: `v${project.productionVersion}`,
                detail:
                  unpublishedChanges > 0
                    ? `Draft: ${unpublishedChanges} unpublished change${unpublishedChanges === 1 ? "" : "s"}`
                    : "Draft: same as production",
                tone: unpublishedChanges > 0 ? "warning" : "success",
                href: `${base}/history`,
              }
            : { label: "Production", value: "Not published", detail: "Hosts on production see no tools", href: `${base}/history` },
        ]}
      />
      {steps && (
        <NextSteps
          steps={steps}
          links={{
            "create-tool": { href: `${base}/ui-tools`, label: "Create a tool" },
            "attach-component": {
              href: uiTools.length === 0 ? `${base}/ui-tools` : `${base}/components`,
              label: uiTools.length === 0 ? "Create a UI Tool" : "Components",
            },
            "test-draft": { href: tools[0] ? `${base}/tools/${tools[0].name}` : `${base}/server`, label: "Open the test panel" },
            publish: { href: `${base}/history`, label: "See the versions" },
            "connect-host": { href: `${base}/server`, label: "Connect a host" },
          }}
        />
      )}
      <ConnectHints draftUrl={`${productionUrl}/draft`} productionUrl={productionUrl} serverHref={`${base}/server`} />
      {activity && <RecentExecutions executions={activity.recent} executionsHref={`${base}/executions`} />}
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
