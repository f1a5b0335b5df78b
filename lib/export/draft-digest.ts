// The digest of a project's draft: exactly what a publish would pin (contentsFromDraft), in the
// canonical JSON a package's digest covers. Two drafts with the same digest serve the same tools,
// components, prompts and resources; export → import round trips are checked against it.
import { canonicalJson } from "@/lib/packages/canonical-json";
import { contentsFromDraft } from "@/lib/packages/manifest";
import { manifestDigest } from "@/lib/packages/package-crypto";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";

export async function getDraftDigest(projectId: string): Promise<string> {
  return manifestDigest(canonicalJson(contentsFromDraft(await loadDraftSnapshot({ projectId }))));
}
