import { withOrganizationMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { createInvitation, createInvitationSchema, listInvitations } from "@/lib/members/invitations";

// GET /app/v1/organizations/{org}/invitations – pending invitations (expired ones too, to resend or revoke)
export const GET = withOrganizationMember(async ({ access }) => json({ data: await listInvitations({ access }) }), {
  permission: "organization.members",
});

// POST /app/v1/organizations/{org}/invitations – invite an email with a role: emailed when SMTP is
// configured (`delivery` says whether it went), and the link to share either way
export const POST = withOrganizationMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, createInvitationSchema);
    const origin = publicOrigin(request);
    const { id, email, role, expiresAt, link, delivery } = await createInvitation({ access, actor, origin, input });
    return json({ id, email, role, expiresAt, link, delivery }, { status: 201 });
  },
  { permission: "organization.members" },
);
