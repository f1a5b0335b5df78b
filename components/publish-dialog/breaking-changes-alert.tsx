import { Alert } from "@/components/ui/alert";
import type { BreakingChange } from "@/lib/hooks/api-types";

/** Each change that may break hosts already using the tools, with the tool and the property it concerns. */
export function BreakingChangesAlert({ changes, title }: { changes: BreakingChange[]; title?: string }) {
  if (changes.length === 0) return null;
  const count = changes.length === 1 ? "1 breaking change" : `${changes.length} breaking changes`;
  return (
    <Alert tone="warning" title={title ?? `${count}: hosts that use these tools may fail until they adapt`}>
      <ul className="mt-2 space-y-2">
        {changes.map((change, index) => (
          <li key={`${change.tool}-${change.path}-${index}`} className="space-y-0.5">
            <p className="flex flex-wrap items-baseline gap-x-1.5 font-mono text-[12.5px] text-fg">
              <span className="font-semibold">{change.tool}</span>
              {change.path && <span className="text-muted [overflow-wrap:anywhere]">{change.path}</span>}
            </p>
            <p>{change.message}</p>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
