import { z } from "zod";
import { withOrganizationMember } from "@/lib/api/route";
import { importAsNewProject } from "@/lib/export/import-project";
import { json, parseJsonBody } from "@/lib/http";

const body = z.object({ archive: z.unknown(), slug: z.string().optional(), name: z.string().optional(), dryRun: z.boolean().optional() });

// POST /app/v1/organizations/{org}/project-imports – { archive, slug?, name?, dryRun? } → a new
// project whose draft is the archive (201), or with dryRun only the preview (200).
export const POST = withOrganizationMember(
  async ({ request, actor, access }) => {
    const input = await parseJsonBody(request, body);
    const result = await importAsNewProject({ access, actor, ...input });
    return json(result, { status: result.applied ? 201 : 200 });
  },
  { permission: "organization.createProject" },
);
