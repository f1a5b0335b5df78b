import { FormattedDate } from "@/components/ui/date";
import type { AuditEvent } from "@/lib/hooks/api-types";
import { AuditChange } from "./audit-change";

function Origin({ event }: { event: AuditEvent }) {
  if (!event.ip && !event.userAgent) return <span className="text-muted">—</span>;
  return (
    <>
      <span className="font-mono">{event.ip ?? "unknown IP"}</span>
      {event.userAgent && (
        <span className="block truncate" title={event.userAgent}>
          {event.userAgent}
        </span>
      )}
    </>
  );
}

/**
 * One row per event: time, actor, action, target, old → new, IP and user agent. On phones the
 * event cell carries the rest underneath; columns appear as the screen widens (time from xl, IP
 * and user agent from 2xl — until then they sit under the event and the actor).
 */
export function AuditLogTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-subtle/60 text-xs text-muted">
          <tr>
            <th scope="col" className="hidden px-4 py-2.5 font-medium xl:table-cell">
              Time (UTC)
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Event
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
              Actor
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">
              Old → new
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium 2xl:table-cell">
              IP
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium 2xl:table-cell">
              User agent
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line align-top">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted xl:table-cell">
                <FormattedDate value={event.createdAt} withTime />
              </td>
              {/* On phones (max-w-0 + w-full) this column takes the remaining width and wraps; wider, it keeps a readable minimum. */}
              <td className="px-4 py-3 max-sm:w-full max-sm:max-w-0 sm:min-w-44">
                <div className="font-mono text-xs font-medium [overflow-wrap:anywhere] text-fg">{event.action}</div>
                <div className="mt-0.5 text-xs [overflow-wrap:anywhere] text-muted">
                  {event.targetType} <span className="text-fg">{event.targetLabel}</span>
                </div>
                <div className="mt-1 text-xs text-muted xl:hidden">
                  <FormattedDate value={event.createdAt} withTime />
                </div>
                <div className="mt-1 truncate text-xs md:hidden">{event.actorLabel}</div>
                <div className="mt-2 lg:hidden">
                  <AuditChange oldValue={event.oldValue} newValue={event.newValue} />
                </div>
                <div className="mt-1 text-xs text-muted md:hidden">
                  <Origin event={event} />
                </div>
              </td>
              <td className="hidden px-4 py-3 md:table-cell">
                <div className="max-w-56 truncate" title={event.actorLabel}>
                  {event.actorLabel}
                </div>
                <div className="max-w-56 text-xs text-muted 2xl:hidden">
                  <Origin event={event} />
                </div>
              </td>
              <td className="hidden max-w-sm min-w-52 px-4 py-3 lg:table-cell">
                <AuditChange oldValue={event.oldValue} newValue={event.newValue} />
              </td>
              <td className="hidden px-4 py-3 font-mono text-xs whitespace-nowrap text-muted 2xl:table-cell">{event.ip ?? "—"}</td>
              <td className="hidden px-4 py-3 text-xs text-muted 2xl:table-cell">
                <div className="max-w-48 truncate" title={event.userAgent ?? undefined}>
                  {event.userAgent ?? "—"}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
