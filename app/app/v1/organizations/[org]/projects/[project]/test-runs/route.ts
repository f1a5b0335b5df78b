import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { listTestRuns, runTestCases } from "@/lib/test-cases/run-test-cases";

const runSchema = z
  .object({ tool: z.string().min(1).optional(), case: z.string().min(1).optional() })
  .strict()
  .refine((body) => !body.case || body.tool, { message: "name the tool of the case", path: ["tool"] });

// GET /app/v1/organizations/{org}/projects/{project}/test-runs – recent runs and the last result per case
export const GET = withProjectMember(async ({ access }) => json(await listTestRuns({ access })), { permission: "project.view" });

// POST /app/v1/organizations/{org}/projects/{project}/test-runs – run all cases, one tool's { tool },
// or one { tool, case } on the draft endpoint as the caller; the run is kept and returned
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const body = await parseJsonBody(request, runSchema);
    const run = await runTestCases({ access, actor, origin: publicOrigin(request), toolName: body.tool, caseName: body.case });
    return json(run, { status: 201 });
  },
  { permission: "project.draft" },
);
