import { withProjectMember } from "@/lib/api/route";
import { json } from "@/lib/http";
import { getPackage } from "@/lib/packages/list-packages";

type Params = { org: string; project: string; version: string };

// GET /app/v1/organizations/{org}/projects/{project}/packages/{version} – one package: manifest,
// digest, signature, and the file diffs against the version it replaced
export const GET = withProjectMember<Params>(async ({ access, params }) => json(await getPackage({ access, version: params.version })), {
  permission: "project.view",
});
