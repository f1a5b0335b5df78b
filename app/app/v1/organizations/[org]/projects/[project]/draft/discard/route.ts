import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { discardDraftChanges, discardDraftSchema } from "@/lib/packages/discard-draft-changes";

// POST /app/v1/organizations/{org}/projects/{project}/draft/discard – reset the draft to the
// production package: `{}` for everything, `{ "tool": name }` or `{ "component": name }` for one.
// Answers what was discarded; recorded in the audit log as draft.discard.
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const scope = await parseJsonBody(request, discardDraftSchema);
    return json({ discarded: await discardDraftChanges({ access, actor, scope }) });
  },
  { permission: "project.edit" },
);
