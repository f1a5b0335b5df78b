// Audit log exports: CSV (RFC 4180) and JSON Lines, streamed a batch at a time (one keyset page
// of events becomes one chunk of the body: no per-event await or chunk). Both carry
// exactly the events of the JSON list, so either parses back to the same objects:
// - JSONL: one event per line, the same JSON object the API lists.
// - CSV: one column per field; old/new values as JSON text; an empty cell is null (the audit log
//   stores unknown IP and user agent as null, never as an empty string). Every cell is quoted
//   only when it must be. Values are written as recorded, not "sanitized" for spreadsheets
//   (no leading apostrophe), so the file reads back exactly — open it as data, not as formulas.
import type { OrganizationAccess } from "@/lib/access";
import { iterateAuditEventBatches, type AuditEventItem, type AuditFilters } from "./list-audit-events";

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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** A cell as written: quoted (its quotes doubled) only when it holds a quote, comma or line break, or is empty (null is the empty cell). */
function csvCell(value: string | null): string {
  if (value === null) return "";
  if (value === "") return '""';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === QUOTE || code === COMMA || code === LF || code === CR) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
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
  let row = "";
  for (let index = 0; index < AUDIT_CSV_COLUMNS.length; index++) {
    if (index > 0) row += ",";
    row += csvCell(csvValue(event, AUDIT_CSV_COLUMNS[index]));
  }
  return `${row}\r\n`;
}

export function auditJsonLine(event: AuditEventItem): string {
  return `${JSON.stringify(event)}\n`;
}

/** One batch of events as one piece of the file. */
function auditChunk(events: AuditEventItem[], format: AuditExportFormat): string {
  const line = format === "csv" ? auditCsvRow : auditJsonLine;
  let text = "";
  for (const event of events) text += line(event);
  return text;
}

const CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

/** A download of every matching event. The body is pulled a batch at a time as the client reads. */
export function auditExportResponse(options: { access: OrganizationAccess; filters: AuditFilters; format: AuditExportFormat; now?: Date }) {
  const { format } = options;
  const batches = iterateAuditEventBatches({ access: options.access, filters: options.filters });
  const encoder = new TextEncoder();
  let headerSent = format !== "csv";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<AuditEventItem[]>;
      try {
        next = await batches.next();
      } catch (error) {
        // The status line is already sent: the download ends short, and the reason goes to the log.
        console.error("Audit log export failed", error);
        controller.error(new Error("The export failed part-way; try again"));
        return;
      }
      const header = headerSent ? "" : auditCsvHeader();
      headerSent = true;
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(header));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(header + auditChunk(next.value, format)));
    },
    async cancel() {
      await batches.return(undefined);
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
