import type { Metadata } from "next";
import { loadOrganizationAccess, requireActor } from "@/app/(studio)/data";
import { AuditLogView } from "@/components/audit-log/audit-log-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { auditFiltersSchema, listAuditEvents, listAuditFilterOptions } from "@/lib/audit/list-audit-events";
import { AUDIT_LOG_PAGE_SIZE, toJson } from "@/lib/hooks/api-types";
import { can } from "@/lib/permissions";
import { listProjects } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Audit log" };

const FILTER_NAMES = ["actor", "action", "project", "from", "to"] as const;

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const actor = await requireActor(`/orgs/${org}/settings/audit-log`);
  const access = await loadOrganizationAccess(actor.userId, org);
  const header = (
    <PageHeader title="Audit log" description={`Who changed what in ${access.organization.name}, when, and from where. Times are UTC.`} />
  );
  if (!can({ role: access.membership.role }, "organization.audit")) {
    return (
      <main className="space-y-6">
        {header}
        <EmptyState
          title="Only Owners and Admins can see the audit log"
          description="Ask an Owner or Admin of this organization if you need an export."
        />
      </main>
    );
  }

  // Filters from a shared link; a malformed one is ignored rather than failing the page.
  const query = await searchParams;
  const raw = Object.fromEntries(
    FILTER_NAMES.flatMap((name) => (typeof query[name] === "string" && query[name] ? [[name, query[name]]] : [])),
  );
  const parsed = auditFiltersSchema.safeParse(raw);
  const [page, options, projects] = await Promise.all([
    listAuditEvents({ access, filters: parsed.success ? parsed.data : {}, page: { limit: AUDIT_LOG_PAGE_SIZE } }),
    listAuditFilterOptions({ access }),
    listProjects({ access, page: { limit: 100 } }),
  ]);

  return (
    <main className="space-y-6">
      {header}
      <AuditLogView
        org={org}
        initialFilters={parsed.success ? raw : {}}
        initialPage={toJson(page)}
        options={options}
        projects={projects.data.map((project) => ({ slug: project.slug, name: project.name }))}
      />
    </main>
  );
}
