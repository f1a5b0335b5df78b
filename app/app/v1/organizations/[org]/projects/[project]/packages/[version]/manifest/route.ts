import { withProjectMember } from "@/lib/api/route";
import { getPackageArtifacts } from "@/lib/packages/list-packages";

type Params = { org: string; project: string; version: string };

// GET …/packages/{version}/manifest – the exact canonical bytes the digest and signature cover,
// as a download (never re-serialized: one changed byte and verification fails)
export const GET = withProjectMember<Params>(
  async ({ access, params }) => {
    const artifacts = await getPackageArtifacts({ access, version: params.version });
    return new Response(artifacts.manifest, {
      headers: {
        "Content-Type": "application/json",
        "Content-Disposition": `attachment; filename="${access.project.slug}-${artifacts.version}.manifest.json"`,
      },
    });
  },
  { permission: "project.view" },
);
