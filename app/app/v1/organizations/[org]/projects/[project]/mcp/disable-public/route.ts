import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { disablePublicAccess, killSwitchSchema } from "@/lib/projects/kill-switch";

// POST /app/v1/organizations/{org}/projects/{project}/mcp/disable-public – the kill switch: the
// project becomes private at once (idempotent); `{ "revokeCredentials": true }` also revokes its
// OAuth grants and production tokens. Returns the project as GET does, plus what was revoked.
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, killSwitchSchema);
    return json(await disablePublicAccess({ access, actor, input }));
  },
  { permission: "project.killSwitch" },
);
