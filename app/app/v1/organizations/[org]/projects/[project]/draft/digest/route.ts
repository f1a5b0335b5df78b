import { withProjectMember } from "@/lib/api/route";
import { getDraftDigest } from "@/lib/export/draft-digest";
import { json } from "@/lib/http";

// GET /app/v1/organizations/{org}/projects/{project}/draft/digest – { digest }: the SHA-256 of what
// a publish of the draft would pin (equal drafts, equal digests; the CLI compares it after a push)
export const GET = withProjectMember(async ({ access }) => json({ digest: await getDraftDigest(access.project.id) }), {
  permission: "project.view",
});
