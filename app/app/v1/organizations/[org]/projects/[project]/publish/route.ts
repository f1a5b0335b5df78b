import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { getPublishPreview } from "@/lib/packages/preview-publish";
import { publishWithGate, publishWithGateSchema } from "@/lib/test-cases/publish-gate";

// GET /app/v1/organizations/{org}/projects/{project}/publish – what Publish would do: changes,
// per-file diffs, breaking changes, suggested and minimum version
export const GET = withProjectMember(async ({ access }) => json(await getPublishPreview({ access })), {
  permission: "project.view",
});

// POST /app/v1/organizations/{org}/projects/{project}/publish – { changelog, version?, overrideReason?, testRunId? } →
// the new package, now in production, with the test run of the publish gate (testRunId: a draft run
// to reuse while it still describes the draft, instead of running the suite again). 409 when there is
// nothing to publish, another publish won the race, or required test cases fail (the run in details).
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, publishWithGateSchema);
    return json(await publishWithGate({ access, actor, origin: publicOrigin(request), input }), { status: 201 });
  },
  { permission: "project.publish" },
);
