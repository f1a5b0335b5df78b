import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { createTestCaseSchema } from "@/lib/test-cases/test-case-input";
import { createTestCase, createTestCaseFromPreset, listTestCases } from "@/lib/test-cases/test-cases";

type Params = { org: string; project: string; tool: string };

// Either a case, or { fromPreset } to turn one of the tool's test panel presets into a case.
const bodySchema = z.union([z.object({ fromPreset: z.string().min(1) }).strict(), createTestCaseSchema]);

// GET /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases – the tool's saved test cases
export const GET = withProjectMember<Params>(
  async ({ access, params }) => json({ data: await listTestCases({ access, toolName: params.tool }) }),
  { permission: "project.view" },
);

// POST /app/v1/organizations/{org}/projects/{project}/tools/{tool}/test-cases – save a case
// { name, input, expectations } or { fromPreset: "<preset name>" }; part of the draft at once
export const POST = withProjectMember<Params>(
  async ({ request, access, params }) => {
    const body = await parseJsonBody(request, bodySchema);
    const created =
      "fromPreset" in body
        ? await createTestCaseFromPreset({ access, toolName: params.tool, preset: body.fromPreset })
        : await createTestCase({ access, toolName: params.tool, input: body });
    return json(created, { status: 201 });
  },
  { permission: "project.edit" },
);
