import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { getDraftChanges } from "@/lib/packages/discard-draft-changes";

// GET /app/v1/organizations/{org}/projects/{project}/draft/changes – tools and components the
// draft added, modified or removed since the production package (what "Discard changes" would lose).
export const GET = withProjectMember(async ({ access }) => json(await getDraftChanges({ access })), { permission: "project.edit" });
