import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { getPublishPreview } from "@/lib/packages/preview-publish";
import { publishPackage, publishSchema } from "@/lib/packages/publish-package";

// GET /app/v1/organizations/{org}/projects/{project}/publish – what Publish would do: changes,
// per-file diffs, breaking changes, suggested and minimum version
export const GET = withProjectMember(async ({ access }) => json(await getPublishPreview({ access })), {
  permission: "project.view",
});

// POST /app/v1/organizations/{org}/projects/{project}/publish – { changelog, version? } → the new
// package, now in production. 409 when there is nothing to publish or another publish won the race.
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, publishSchema);
    return json(await publishPackage({ access, actor, input }), { status: 201 });
  },
  { permission: "project.publish" },
);
