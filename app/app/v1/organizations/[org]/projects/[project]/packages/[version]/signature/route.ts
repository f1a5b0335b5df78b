import { withProjectMember } from "@/lib/api/route";
import { getPackageArtifacts } from "@/lib/packages/list-packages";

type Params = { org: string; project: string; version: string };

// GET …/packages/{version}/signature – the Ed25519 signature of the manifest bytes, base64 text
export const GET = withProjectMember<Params>(
  async ({ access, params }) => {
    const artifacts = await getPackageArtifacts({ access, version: params.version });
    return new Response(artifacts.signature, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${access.project.slug}-${artifacts.version}.manifest.json.sig"`,
      },
    });
  },
  { permission: "project.view" },
);
