import type { AuditEvent } from "@/lib/hooks/api-types";

type Value = AuditEvent["oldValue"];

const isRecord = (value: Value): value is Record<string, Value> => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: Value | undefined) =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * Old → new, field by field when both sides are objects ("visibility: private → public"); a field
 * only one side has shows as added or removed; an unchanged field as itself.
 */
export function AuditChange({ oldValue, newValue }: { oldValue: Value; newValue: Value }) {
  if (oldValue === null && newValue === null) return <span className="text-muted">—</span>;
  const before = isRecord(oldValue) ? oldValue : oldValue === null ? {} : null;
  const after = isRecord(newValue) ? newValue : newValue === null ? {} : null;
  if (!before || !after) {
    return (
      <span className="font-mono text-xs [overflow-wrap:anywhere]">
        {show(oldValue)}{" "}
        <span role="img" aria-label="changed to">
          →
        </span>{" "}
        {show(newValue)}
      </span>
    );
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {keys.map((key) => {
        const had = key in before;
        const has = key in after;
        const same = had && has && JSON.stringify(before[key]) === JSON.stringify(after[key]);
        return (
          <li key={key} className="[overflow-wrap:anywhere]">
            <span className="text-muted">{key}:</span>{" "}
            {same || !had ? (
              show(after[key])
            ) : !has ? (
              <span className="line-through decoration-muted">{show(before[key])}</span>
            ) : (
              <>
                {show(before[key])}{" "}
                <span role="img" aria-label="changed to">
                  →
                </span>{" "}
                {show(after[key])}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
