import { withOrganizationMember } from "@/lib/api/route";
import { auditExportResponse } from "@/lib/audit/export-audit-events";
import { auditLogQuerySchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { json, parseQuery } from "@/lib/http";

// GET /app/v1/organizations/{org}/audit-log – the organization audit log, newest first.
// Filters: ?actor= (user or API token id) &action= &project= (slug) &from= &to= (ISO 8601, inclusive).
// JSON pages (?cursor=, ?limit=); ?format=csv or ?format=jsonl downloads every matching event.
export const GET = withOrganizationMember(
  async ({ request, access }) => {
    const { format, cursor, limit, ...filters } = parseQuery(request, auditLogQuerySchema);
    if (format !== "json") return auditExportResponse({ access, filters, format });
    return json(await listAuditEvents({ access, filters, page: { cursor, limit } }));
  },
  { permission: "organization.audit" },
);
