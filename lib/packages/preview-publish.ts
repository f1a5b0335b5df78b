// What Publish would do: the draft's pinned contents against the production package — names and
// files changed, breaking changes, and the version to use. The publish dialog shows exactly this,
// and publishPackage recomputes it so what is published is what the rules allow.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import { listSecretsMissingInProduction } from "@/lib/tools/secrets";
import { analyzeToolChanges } from "./breaking-changes";
import { diffContents, hasChanges } from "./diff";
import { contentsFromDraft } from "./manifest";
import { analyzePromptAndResourceChanges } from "./prompt-resource-changes";
import { loadPackageManifest } from "./package-manifests";
import { suggestVersion, versionBump } from "./versions";

export async function getPublishPreview(options: { access: ProjectAccess }) {
  return (await planPublish({ projectId: options.access.project.id })).preview;
}

/** The preview plus what publishing needs: the contents to pin and the pointer it was computed from. */
export async function planPublish({ projectId }: { projectId: string }) {
  const [project, draft, published, secretsMissing] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { productionPackageId: true } }),
    loadDraftSnapshot({ projectId }),
    db.package.findMany({ where: { projectId }, select: { version: true } }),
    listSecretsMissingInProduction(projectId),
  ]);
  const contents = contentsFromDraft(draft);
  const production = project.productionPackageId ? await loadPackageManifest(project.productionPackageId) : null;
  const diff = diffContents(production, contents);
  const analysis = analyzeToolChanges(production?.tools ?? [], contents.tools);
  const breakingChanges = [...analysis.breakingChanges, ...analyzePromptAndResourceChanges(production, contents)];
  const bump = versionBump({
    breaking: breakingChanges.length > 0,
    // New prompts and resources are features, like new tools.
    toolsAdded: diff.tools.added.length + diff.prompts.added.length + diff.resources.added.length > 0,
    optionalInputsAdded: analysis.addedOptionalInputs.length > 0,
  });
  const versions = published.map((row) => row.version);
  const suggestedVersion = suggestVersion({ current: production?.version ?? null, bump, published: versions });
  const preview = {
    // Before the first publish an empty draft has nothing worth a package.
    changed: hasChanges(diff),
    currentVersion: production?.version ?? null,
    suggestedVersion,
    // The rule is "at least the suggestion, above every version ever published"; the suggestion
    // already satisfies the second half, so the two are equal. Both are given so the dialog can
    // prefill one and validate against the other without knowing how they are derived.
    minimumVersion: suggestedVersion,
    // null for the first publish, which is always 1.0.0.
    bump: production ? bump : null,
    tools: diff.tools,
    components: diff.components,
    prompts: diff.prompts,
    resources: diff.resources,
    ...(diff.testCases ? { testCases: diff.testCases } : {}),
    files: diff.files,
    breakingChanges,
    // Secrets with a draft value only: the published tool's production calls would fail (issue 16 §5).
    ...(secretsMissing.length ? { secretsMissingInProduction: secretsMissing } : {}),
  };
  return { preview, contents, productionPackageId: project.productionPackageId, publishedVersions: versions };
}

export type PublishPreview = Awaited<ReturnType<typeof getPublishPreview>>;
