import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { getBehaviourDiff } from "@/lib/test-cases/behaviour-diff";

// POST /app/v1/organizations/{org}/projects/{project}/behaviour-diff – runs every saved case on
// production and on the draft (both runs kept) and returns the cases whose results differ,
// flagged breaking when a case that passes on production fails on the draft
export const POST = withProjectMember(
  async ({ request, actor, access }) => json(await getBehaviourDiff({ access, actor, origin: publicOrigin(request) })),
  { permission: "project.publish" },
);
