import { withOrganizationMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { removeMember, updateMemberRole, updateMemberSchema } from "@/lib/members/members";

type Params = { org: string; userId: string };

// PATCH /app/v1/organizations/{org}/members/{userId} – change a member's role
export const PATCH = withOrganizationMember<Params>(
  async ({ request, actor, access, params }) => {
    const { role } = await parseJsonBody(request, updateMemberSchema);
    return json(await updateMemberRole({ access, actor, userId: params.userId, role }));
  },
  { permission: "organization.members" },
);

// DELETE /app/v1/organizations/{org}/members/{userId} – remove a member, or leave (any member
// may remove themselves; removeMember requires organization.members for anyone else)
export const DELETE = withOrganizationMember<Params>(
  async ({ actor, access, params }) => {
    await removeMember({ access, actor, userId: params.userId });
    return new Response(null, { status: 204 });
  },
  { permission: "organization.view" },
);
