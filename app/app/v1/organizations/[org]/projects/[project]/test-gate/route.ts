import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { readTestGate, setTestGate, testGateSchema } from "@/lib/test-cases/publish-gate";

// GET /app/v1/organizations/{org}/projects/{project}/test-gate – { testGate: "off" | "advisory" | "required" }
export const GET = withProjectMember(async ({ access }) => json({ testGate: readTestGate(access.project.testGate) }), {
  permission: "project.view",
});

// PUT /app/v1/organizations/{org}/projects/{project}/test-gate – whether failing test cases block publish (audited)
export const PUT = withProjectMember(
  async ({ request, actor, access }) => {
    const { testGate } = await parseJsonBody(request, testGateSchema);
    return json(await setTestGate({ access, actor, testGate }));
  },
  { permission: "project.settings" },
);
