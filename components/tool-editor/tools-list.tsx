"use client";

import { Link } from "@/components/ui/link";
import { FormattedDate } from "@/components/ui/date";
import { DisabledAction } from "@/components/ui/disabled-action";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { useTools, type Tool, type ToolKind } from "@/lib/hooks/use-tools";
import { permissionReason } from "@/lib/permissions";
import { DiscardChangesDialog } from "./discard-changes-dialog";
import { NewToolDialog } from "./new-tool-dialog";
import { SectionHeader } from "@/components/ui/section-header";

const COPY = {
  data: {
    title: "Data Tools",
    description: "JavaScript handlers that run in a sandbox and return data to the model.",
    empty: "No data tools yet",
    emptyHint: "A data tool runs your JavaScript on every call and returns the result to the model.",
  },
  ui: {
    title: "UI Tools",
    description: "Tools that render a component in the host (MCP Apps) with the props the model passes.",
    empty: "No UI tools yet",
    emptyHint: "A UI tool shows one of your components in the conversation, filled with the model's props.",
  },
} as const;

/** The tools of one kind, with the way to create another. */
export function ToolsList({
  org,
  project,
  kind,
  initialTools,
  componentNames,
  canEdit,
}: {
  org: string;
  project: string;
  kind: ToolKind;
  initialTools: Tool[];
  componentNames: string[];
  canEdit: boolean;
}) {
  const { data: tools = initialTools } = useTools(org, project, kind, { initialData: initialTools });
  const copy = COPY[kind];
  const create = canEdit ? (
    <NewToolDialog org={org} project={project} kind={kind} componentNames={componentNames} />
  ) : (
    <DisabledAction label={kind === "data" ? "New data tool" : "New UI tool"} reason={permissionReason("project.edit", "create tools")} />
  );

  return (
    <main className="space-y-6">
      <SectionHeader
        title={copy.title}
        description={copy.description}
        actions={
          tools.length === 0 ? undefined : canEdit ? (
            <div className="flex flex-wrap items-center gap-2">
              {/* Everything in the draft (tools of both kinds, components, prompts, resources) back to production. */}
              <DiscardChangesDialog org={org} project={project} onDiscarded={() => undefined} />
              {create}
            </div>
          ) : (
            create
          )
        }
      />
      {tools.length === 0 ? (
        <EmptyState
          title={copy.empty}
          description={canEdit ? copy.emptyHint : "Tools appear here once an Editor creates one."}
          action={create}
        />
      ) : (
        <Table>
          <TableHead>
            <tr>
              <Th>Name</Th>
              <Th className="hidden md:table-cell">Description</Th>
              {kind === "ui" && <Th className="hidden sm:table-cell">Component</Th>}
              <Th className="hidden sm:table-cell">Updated</Th>
            </tr>
          </TableHead>
          <TableBody>
            {tools.map((tool) => (
              <tr key={tool.id} className="align-top hover:bg-subtle/50">
                <Td>
                  <Link
                    href={`/orgs/${org}/projects/${project}/tools/${tool.name}`}
                    className="font-mono text-[13px] font-medium text-accent-fg hover:underline"
                  >
                    {tool.name}
                  </Link>
                  {tool.title && <p className="mt-0.5 text-xs text-muted">{tool.title}</p>}
                </Td>
                <Td className="hidden max-w-md text-muted md:table-cell">
                  <p className="line-clamp-2">{tool.description || "—"}</p>
                </Td>
                {kind === "ui" && <Td className="hidden font-mono text-[13px] sm:table-cell">{tool.component}</Td>}
                <Td className="hidden whitespace-nowrap text-muted sm:table-cell">
                  <FormattedDate value={tool.updatedAt} withTime />
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
