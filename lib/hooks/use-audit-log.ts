"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { AUDIT_LOG_PAGE_SIZE, type AuditEvent, type Page } from "@/lib/hooks/api-types";
import { queryKeys } from "@/lib/query-keys";

/** The filters as the API reads them (`from`/`to` ISO 8601); empty ones are left out. */
export type AuditLogFilters = Partial<Record<"actor" | "action" | "project" | "from" | "to", string>>;

export const auditLogPath = (org: string) => `/app/v1/organizations/${encodeURIComponent(org)}/audit-log`;

export function auditLogQuery(filters: AuditLogFilters, extra: Record<string, string> = {}) {
  const set = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return new URLSearchParams([...set, ...Object.entries(extra)]);
}

/** The organization audit log, newest first, a page at a time, for the current filters. */
export function useAuditLog(org: string, filters: AuditLogFilters, options: { initialPage?: Page<AuditEvent> } = {}) {
  const key = Object.fromEntries(auditLogQuery(filters));
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(org, key),
    queryFn: ({ pageParam }) => {
      const query = auditLogQuery(filters, { limit: String(AUDIT_LOG_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<Page<AuditEvent>>(`${auditLogPath(org)}?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [null] } : undefined,
  });
}

/** A download of every event matching the filters (the server streams it). */
export function auditLogExportUrl(org: string, filters: AuditLogFilters, format: "csv" | "jsonl") {
  return `${auditLogPath(org)}?${auditLogQuery(filters, { format })}`;
}
