import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import { mcpEndpointUrl } from "@/lib/mcp/protected-resource";
import { issueTestPanelToken } from "@/lib/test-panel-credentials/test-panel-tokens";

// POST /app/v1/organizations/{org}/projects/{project}/test-panel-token – a short-lived credential
// for the draft endpoint, as the signed-in member (the test panel renews it before it expires).
// It never touches the project's shared draft token.
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const resource = mcpEndpointUrl({
      origin: publicOrigin(request),
      orgSlug: access.organization.slug,
      projectSlug: access.project.slug,
      environment: "draft",
    });
    const issued = await issueTestPanelToken({ access, actor, resource });
    return json(issued, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { permission: "project.draft" },
);
