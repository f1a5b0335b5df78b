"use client";

import { Link } from "@/components/ui/link";
import { SectionHeader } from "@/components/ui/section-header";
import { buttonClasses } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/date";
import { DisabledAction } from "@/components/ui/disabled-action";
import { EmptyState } from "@/components/ui/empty-state";
import { useComponents, type Component } from "@/lib/hooks/use-components";
import { permissionReason } from "@/lib/permissions";

/** Components of the project, with the UI Tools that render each one. */
export function ComponentsList({
  org,
  project,
  initialComponents,
  usedBy,
  canEdit,
}: {
  org: string;
  project: string;
  initialComponents: Component[];
  usedBy: Record<string, string[]>;
  canEdit: boolean;
}) {
  const { data: components = initialComponents } = useComponents(org, project, { initialData: initialComponents });
  const base = `/orgs/${org}/projects/${project}/components`;
  const create = canEdit ? (
    <Link href={`${base}/new`} className={buttonClasses("primary")}>
      New component
    </Link>
  ) : (
    <DisabledAction label="New component" reason={permissionReason("project.edit", "create components")} />
  );

  return (
    <main className="space-y-6">
      <SectionHeader
        title="Components"
        description="HTML documents UI Tools render in the host (MCP Apps), each with the network domains it may use."
        actions={components.length > 0 ? create : undefined}
      />
      {components.length === 0 ? (
        <EmptyState
          title="No components yet"
          description={
            canEdit ? "A component is the HTML a UI Tool shows in the conversation." : "Components appear here once an Editor creates one."
          }
          action={create}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {components.map((component) => {
            const tools = usedBy[component.name] ?? [];
            return (
              <li key={component.id}>
                <Link
                  href={`${base}/${component.name}`}
                  className="block h-full space-y-2 rounded-xl border border-line bg-surface p-4 shadow-xs transition-colors hover:border-line-strong hover:bg-subtle/40"
                >
                  <p className="font-mono text-[13px] font-semibold text-accent-fg">{component.name}</p>
                  <p className="text-xs text-muted">{tools.length === 0 ? "Not used by any tool" : `Used by ${tools.join(", ")}`}</p>
                  <p className="text-xs text-muted">
                    Updated <FormattedDate value={component.updatedAt} withTime />
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
