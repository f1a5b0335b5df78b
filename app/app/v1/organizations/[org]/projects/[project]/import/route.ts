import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { importOntoDraft } from "@/lib/export/import-project";
import { json, parseJsonBody } from "@/lib/http";

const body = z.object({ archive: z.unknown(), dryRun: z.boolean().optional() });

// POST /app/v1/organizations/{org}/projects/{project}/import – { archive, dryRun? } → the preview
// (create/update/delete per item, secrets to set, problems) and, unless dryRun, the draft replaced
// by the archive. 422 lists every problem per item when the archive would not import cleanly.
export const POST = withProjectMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, body);
    return json(await importOntoDraft({ access, actor, archive: input.archive, dryRun: input.dryRun }));
  },
  { permission: "project.edit" },
);
