import { withErrors } from "@/lib/api/route";
import { json } from "@/lib/http";
import { getPublicSigningKey } from "@/lib/packages/signing-keys";

export const dynamic = "force-dynamic";

// GET /app/v1/organizations/{org}/signing-key – the Ed25519 public key that signs the organization's
// packages. No auth: anyone holding a package must be able to verify it. Unknown organization → 404.
export const GET = withErrors(async (_request, context) => {
  const { org } = await context.params;
  const key = await getPublicSigningKey({ orgSlug: org });
  return json(key, { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
});
