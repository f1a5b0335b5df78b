import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody, parseQuery } from "@/lib/http";
import { createToolSchema } from "@/lib/tools/tool-input";
import { createTool, listTools } from "@/lib/tools/tools";

const listQuery = z.object({ kind: z.enum(["data", "ui"]).optional() });

// GET /app/v1/organizations/{org}/projects/{project}/tools – the draft's tools (?kind=data|ui)
export const GET = withProjectMember(
  async ({ request, access }) => json({ data: await listTools({ access, kind: parseQuery(request, listQuery).kind }) }),
  { permission: "project.view" },
);

// POST /app/v1/organizations/{org}/projects/{project}/tools – create a tool; live on the draft endpoint at once
export const POST = withProjectMember(
  async ({ request, access }) => {
    const input = await parseJsonBody(request, createToolSchema);
    return json(await createTool({ access, input }), { status: 201 });
  },
  { permission: "project.edit" },
);
