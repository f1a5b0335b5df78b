"use client";

import { Link } from "@/components/ui/link";
import { SectionHeader } from "@/components/ui/section-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type McpResource, useResources } from "@/lib/hooks/use-resources";

/** The project's static resources and resource templates (its ui:// components are listed under Components). */
export function ResourcesList({
  org,
  project,
  initialResources,
  canEdit,
}: {
  org: string;
  project: string;
  initialResources: McpResource[];
  canEdit: boolean;
}) {
  const { data: resources = initialResources } = useResources(org, project, { initialData: initialResources });
  const base = `/orgs/${org}/projects/${project}/resources`;
  const create = canEdit ? (
    <Link href={`${base}/new`} className={buttonClasses("primary")}>
      New resource
    </Link>
  ) : undefined;
  return (
    <main className="space-y-6">
      <SectionHeader
        title="Resources"
        description="Data hosts can attach to a conversation: static contents at a URI, or URI templates answered by a handler."
        actions={resources.length > 0 ? create : undefined}
      />
      {resources.length === 0 ? (
        <EmptyState
          title="No resources yet"
          description={
            canEdit ? "A resource is a document, an image or data a host can read." : "Resources appear here once an Editor creates one."
          }
          action={create}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {resources.map((resource) => (
            <li key={resource.id}>
              <Link
                href={`${base}/${resource.name}`}
                className="block h-full space-y-1 rounded-xl border border-line bg-surface p-4 shadow-xs transition-colors hover:border-line-strong hover:bg-subtle/40"
              >
                <p className="font-mono text-[13px] font-semibold text-accent-fg">{resource.name}</p>
                <p className="font-mono text-xs break-all text-muted">{resource.uri}</p>
                <p className="text-xs text-muted">
                  {resource.kind === "template" ? "Template" : "Static"} · {resource.mimeType}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
