import { withProjectMember } from "@/lib/api/route";
import { getExecutionStats } from "@/lib/executions/executions";
import { executionStatsQuerySchema } from "@/lib/executions/execution-filters";
import { json, parseQuery } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/executions/stats – per tool and overall: calls,
// errors, error rate, p50/p95 duration; ?tool, ?environment, ?from, ?to (default: the last 24 hours).
// A route of its own rather than part of the list, so that paging the list never recomputes them.
export const GET = withProjectMember(
  async ({ request, access }) => json(await getExecutionStats({ access, query: parseQuery(request, executionStatsQuerySchema) })),
  { permission: "project.executions" },
);
