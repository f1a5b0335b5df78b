import { Badge } from "@/components/ui/badge";
import type { ChangeSummary as Changes, NameChanges } from "@/lib/hooks/api-types";

const STATUSES = [
  { key: "added", label: "Added", tone: "success" },
  { key: "modified", label: "Modified", tone: "accent" },
  { key: "removed", label: "Removed", tone: "danger" },
] as const;

function NameChangeRows({ title, changes }: { title: string; changes: NameChanges }) {
  const rows = STATUSES.filter((status) => changes[status.key].length > 0);
  if (rows.length === 0) return null;
  return (
    <div className="space-y-1.5">
      <h3 className="text-xs font-medium text-muted">{title}</h3>
      <ul className="space-y-1.5">
        {rows.map((status) => (
          <li key={status.key} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
            <Badge tone={status.tone} className="shrink-0">
              {status.label} {changes[status.key].length}
            </Badge>
            <span className="min-w-0 font-mono text-[13px] [overflow-wrap:anywhere]">{changes[status.key].join(", ")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Which tools, components, prompts and resources a publish adds, modifies and removes. */
export function ChangeSummary({ changes, className }: { changes: Changes; className?: string }) {
  // Summaries of packages listed before prompts and resources existed have no such keys.
  const none: NameChanges = { added: [], modified: [], removed: [] };
  const prompts = changes.prompts ?? none;
  const resources = changes.resources ?? none;
  const testCases = changes.testCases ?? none;
  const empty = [changes.tools, changes.components, prompts, resources, testCases].every(
    (names) => names.added.length + names.modified.length + names.removed.length === 0,
  );
  return (
    <div className={className}>
      {empty ? (
        <p className="text-sm text-muted">No tools, components, prompts, resources or test cases changed.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <NameChangeRows title="Tools" changes={changes.tools} />
          <NameChangeRows title="Components" changes={changes.components} />
          <NameChangeRows title="Prompts" changes={prompts} />
          <NameChangeRows title="Resources" changes={resources} />
          <NameChangeRows title="Test cases" changes={testCases} />
        </div>
      )}
    </div>
  );
}
