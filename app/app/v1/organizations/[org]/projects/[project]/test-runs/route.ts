import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { listTestRuns, runTestCases } from "@/lib/test-cases/run-test-cases";
import { targetOf } from "@/lib/test-cases/test-case-input";

const runSchema = z
  .object({
    tool: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    resource: z.string().min(1).optional(),
    case: z.string().min(1).optional(),
  })
  .strict()
  .refine((body) => [body.tool, body.prompt, body.resource].filter((name) => name !== undefined).length <= 1, {
    message: "name one tool, prompt or resource",
    path: ["tool"],
  })
  .refine((body) => !body.case || body.tool || body.prompt || body.resource, {
    message: "name the tool, prompt or resource of the case",
    path: ["tool"],
  });

// GET /app/v1/organizations/{org}/projects/{project}/test-runs – recent runs and the last result per case
export const GET = withProjectMember(async ({ access }) => json(await listTestRuns({ access })), { permission: "project.view" });

// POST /app/v1/organizations/{org}/projects/{project}/test-runs – run all cases, one target's
// ({ tool }, { prompt } or { resource }), or one case ({ tool, case }, …) on the draft endpoint as
// the caller; the run is kept and returned
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const body = await parseJsonBody(request, runSchema);
    const target = body.tool !== undefined || body.prompt !== undefined || body.resource !== undefined ? targetOf(body) : undefined;
    const run = await runTestCases({ access, actor, origin: publicOrigin(request), target, caseName: body.case });
    return json(run, { status: 201 });
  },
  { permission: "project.draft" },
);
