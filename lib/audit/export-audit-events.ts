// Audit log exports: CSV (RFC 4180) and JSON Lines, streamed a batch at a time. Both carry
// exactly the events of the JSON list, so either parses back to the same objects:
// - JSONL: one event per line, the same JSON object the API lists.
// - CSV: one column per field; old/new values as JSON text; an empty cell is null (the audit log
//   stores unknown IP and user agent as null, never as an empty string). Every cell is quoted
//   only when it must be. Values are written as recorded, not "sanitized" for spreadsheets
//   (no leading apostrophe), so the file reads back exactly — open it as data, not as formulas.
import type { OrganizationAccess } from "@/lib/access";
import { iterateAuditEvents, type AuditEventItem, type AuditFilters } from "./list-audit-events";

export type AuditExportFormat = "csv" | "jsonl";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "createdAt",
  "action",
  "actorUserId",
  "actorTokenId",
  "actorLabel",
  "targetType",
  "targetId",
  "targetLabel",
  "oldValue",
  "newValue",
  "ip",
  "userAgent",
] as const satisfies ReadonlyArray<keyof AuditEventItem>;

function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvValue(event: AuditEventItem, column: (typeof AUDIT_CSV_COLUMNS)[number]): string | null {
  const value = event[column];
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (column === "oldValue" || column === "newValue") return JSON.stringify(value);
  return String(value);
}

export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(",")}\r\n`;
}

export function auditCsvRow(event: AuditEventItem): string {
  return `${AUDIT_CSV_COLUMNS.map((column) => csvCell(csvValue(event, column))).join(",")}\r\n`;
}

export function auditJsonLine(event: AuditEventItem): string {
  return `${JSON.stringify(event)}\n`;
}

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

/** A download of every matching event. The body is pulled a batch at a time as the client reads. */
export function auditExportResponse(options: { access: OrganizationAccess; filters: AuditFilters; format: AuditExportFormat; now?: Date }) {
  const { format } = options;
  const events = iterateAuditEvents({ access: options.access, filters: options.filters });
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (format === "csv" && !headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(auditCsvHeader()));
        return;
      }
      let next: IteratorResult<AuditEventItem>;
      try {
        next = await events.next();
      } catch (error) {
        // The status line is already sent: the download ends short, and the reason goes to the log.
        console.error("Audit log export failed", error);
        controller.error(new Error("The export failed part-way; try again"));
        return;
      }
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(format === "csv" ? auditCsvRow(next.value) : auditJsonLine(next.value)));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  const stamp = (options.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const filename = `audit-log-${options.access.organization.slug}-${stamp}.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
