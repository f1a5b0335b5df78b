import { FormattedDate } from "@/components/ui/date";
import type { AuditEvent } from "@/lib/hooks/api-types";
import { AuditChange } from "./audit-change";
import { Table, TableHead, TableBody, Th, Td } from "@/components/ui/table";

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
    <Table>
      <TableHead>
        <tr>
          <Th className="hidden xl:table-cell">Time (UTC)</Th>
          <Th>Event</Th>
          <Th className="hidden md:table-cell">Actor</Th>
          <Th className="hidden lg:table-cell">Old → new</Th>
          <Th className="hidden 2xl:table-cell">IP</Th>
          <Th className="hidden 2xl:table-cell">User agent</Th>
        </tr>
      </TableHead>
      <TableBody className="align-top">
        {events.map((event) => (
          <tr key={event.id}>
            <Td className="hidden whitespace-nowrap text-muted xl:table-cell">
              <FormattedDate value={event.createdAt} withTime />
            </Td>
            {/* On phones (max-w-0 + w-full) this column takes the remaining width and wraps; wider, it keeps a readable minimum. */}
            <Td className="max-sm:w-full max-sm:max-w-0 sm:min-w-44">
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
            </Td>
            <Td className="hidden md:table-cell">
              <div className="max-w-56 truncate" title={event.actorLabel}>
                {event.actorLabel}
              </div>
              <div className="max-w-56 text-xs text-muted 2xl:hidden">
                <Origin event={event} />
              </div>
            </Td>
            <Td className="hidden max-w-sm min-w-52 lg:table-cell">
              <AuditChange oldValue={event.oldValue} newValue={event.newValue} />
            </Td>
            <Td className="hidden font-mono text-xs whitespace-nowrap text-muted 2xl:table-cell">{event.ip ?? "—"}</Td>
            <Td className="hidden text-xs text-muted 2xl:table-cell">
              <div className="max-w-48 truncate" title={event.userAgent ?? undefined}>
                {event.userAgent ?? "—"}
              </div>
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
