import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { getBehaviourDiff } from "@/lib/test-cases/behaviour-diff";

const bodySchema = z.object({ draftRunId: z.string().min(1).max(100).optional() }).strict();

// POST /app/v1/organizations/{org}/projects/{project}/behaviour-diff { draftRunId? } – runs every
// saved case on production and on the draft (both runs kept; a still-current draft run named by
// draftRunId is reused instead of running the draft again) and returns the cases whose results
// differ, flagged breaking when a case that passes on production fails on the draft
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const { draftRunId } = await parseJsonBody(request, bodySchema);
    return json(await getBehaviourDiff({ access, actor, origin: publicOrigin(request), draftRunId }));
  },
  { permission: "project.publish" },
);
