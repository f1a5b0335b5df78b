import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { rotateDraftToken } from "@/lib/projects/draft-token";

// POST /app/v1/organizations/{org}/projects/{project}/draft-token – rotate the draft token.
// The new token is in this response only (it is stored as a hash); the old one stops working at once.
export const POST = withProjectMember(async ({ actor, access }) => json(await rotateDraftToken({ access, actor })), {
  permission: "project.tokens",
});
