import { withProjectMember } from "@/lib/api/route";
import { listExecutions } from "@/lib/executions/executions";
import { executionListQuerySchema } from "@/lib/executions/execution-filters";
import { json, parseQuery } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/executions – tool-execution records, newest
// first; ?tool, ?environment=draft|production, ?status=success|error, ?errorType, ?from, ?to
// (ISO 8601), ?cursor, ?limit. Per-tool figures are at …/executions/stats.
export const GET = withProjectMember(
  async ({ request, access }) => json(await listExecutions({ access, query: parseQuery(request, executionListQuerySchema) })),
  { permission: "project.executions" },
);
