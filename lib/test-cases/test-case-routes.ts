// The route handlers of a target's test cases, the same for tools, prompts and resources:
//   …/tools/{tool}/test-cases[/{case}]   …/prompts/{name}/test-cases[/{case}]   …/resources/{name}/test-cases[/{case}]
// Tools also take { fromPreset } to turn a test panel preset into a case.
import "server-only";
import { z } from "zod";
import { withProjectMember } from "@/lib/api/route";
import { json, parseJsonBody } from "@/lib/http";
import { createTestCaseSchema, type TestTargetKind, updateTestCaseSchema } from "./test-case-input";
import { createTestCase, createTestCaseFromPreset, deleteTestCase, getTestCase, listTestCases, updateTestCase } from "./test-cases";

type Params = { org: string; project: string; [key: string]: string };

// Either a case, or (tools) { fromPreset } to turn one of the tool's test panel presets into a case.
const toolBodySchema = z.union([z.object({ fromPreset: z.string().min(1) }).strict(), createTestCaseSchema]);

/** GET (list) and POST (create) of …/{target}/test-cases; `param` names the route segment holding the target's name. */
export function testCaseCollectionRoutes(kind: TestTargetKind, param: string) {
  return {
    GET: withProjectMember<Params>(
      async ({ access, params }) => json({ data: await listTestCases({ access, target: { kind, name: params[param] } }) }),
      { permission: "project.view" },
    ),
    POST: withProjectMember<Params>(
      async ({ request, access, params }) => {
        const target = { kind, name: params[param] };
        const body = await parseJsonBody(request, kind === "tool" ? toolBodySchema : createTestCaseSchema);
        const created =
          "fromPreset" in body
            ? await createTestCaseFromPreset({ access, toolName: target.name, preset: body.fromPreset })
            : await createTestCase({ access, target, input: body });
        return json(created, { status: 201 });
      },
      { permission: "project.edit" },
    ),
  };
}

/** GET, PATCH (rename, new input or expectations) and DELETE of …/{target}/test-cases/{case}. */
export function testCaseItemRoutes(kind: TestTargetKind, param: string) {
  return {
    GET: withProjectMember<Params>(
      async ({ access, params }) => json(await getTestCase({ access, target: { kind, name: params[param] }, name: params.case })),
      { permission: "project.view" },
    ),
    PATCH: withProjectMember<Params>(
      async ({ request, access, params }) => {
        const input = await parseJsonBody(request, updateTestCaseSchema);
        return json(await updateTestCase({ access, target: { kind, name: params[param] }, name: params.case, input }));
      },
      { permission: "project.edit" },
    ),
    DELETE: withProjectMember<Params>(
      async ({ access, params }) => {
        await deleteTestCase({ access, target: { kind, name: params[param] }, name: params.case });
        return new Response(null, { status: 204 });
      },
      { permission: "project.edit" },
    ),
  };
}
