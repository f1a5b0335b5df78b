"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/ui/spinner";
import { TableSkeleton } from "@/components/studio/skeletons";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { AuditEvent, AuditFilterOptions, Page } from "@/lib/hooks/api-types";
import { auditLogExportUrl, auditLogQuery, useAuditLog, type AuditLogFilters } from "@/lib/hooks/use-audit-log";
import { AuditLogFiltersForm } from "./audit-log-filters";
import { AuditLogTable } from "./audit-log-table";

/** The audit log with its filters (kept in the URL, so a view can be shared) and exports of what they select. */
export function AuditLogView({
  org,
  initialFilters,
  initialPage,
  options,
  projects,
}: {
  org: string;
  initialFilters: AuditLogFilters;
  initialPage: Page<AuditEvent>;
  options: AuditFilterOptions;
  projects: { slug: string; name: string }[];
}) {
  const [filters, setFilters] = useState(initialFilters);
  const isInitial = auditLogQuery(filters).toString() === auditLogQuery(initialFilters).toString();
  const events = useAuditLog(org, filters, { initialPage: isInitial ? initialPage : undefined });
  const items = events.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  useEffect(() => {
    const query = auditLogQuery(filters).toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  }, [filters]);

  return (
    <div className="space-y-4">
      <AuditLogFiltersForm filters={filters} onChange={setFilters} options={options} projects={projects} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" aria-live="polite">
          {events.isPending
            ? "Loading events…"
            : `${items.length}${events.hasNextPage ? "+" : ""} event${items.length === 1 ? "" : "s"}${filtered ? " match" : ""}`}
        </p>
        <div className="flex gap-2">
          {/* Plain downloads with the session cookie: the server streams every matching event. */}
          <a href={auditLogExportUrl(org, filters, "csv")} download className={buttonClasses("secondary", "sm")}>
            Export CSV
          </a>
          <a href={auditLogExportUrl(org, filters, "jsonl")} download className={buttonClasses("secondary", "sm")}>
            Export JSONL
          </a>
        </div>
      </div>
      {events.isError && (
        <Alert tone="danger" title="Could not load the audit log">
          <p>{errorMessage(events.error)}</p>
          <Button size="sm" className="mt-3" onClick={() => events.refetch()} loading={events.isRefetching}>
            Try again
          </Button>
        </Alert>
      )}
      {events.isPending ? (
        <LoadingRegion label="Loading events">
          <TableSkeleton rows={5} />
        </LoadingRegion>
      ) : items.length === 0 ? (
        !events.isError && (
          <EmptyState
            title={filtered ? "No events match these filters" : "No events yet"}
            description={
              filtered
                ? "Widen the time range or clear a filter."
                : "Changes to visibility, publishing, tokens, grants, members and secrets appear here as they happen."
            }
            action={
              filtered ? (
                <Button size="sm" onClick={() => setFilters({})}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        )
      ) : (
        <AuditLogTable events={items} />
      )}
      {events.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
            Show older events
          </Button>
        </div>
      )}
    </div>
  );
}
