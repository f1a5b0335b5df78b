// The package manifest: what a package pins (SPEC §1) — tool names, descriptions, schemas,
// handler code, annotations, limits, components, prompts and resources. What is live stays out: Instructions,
// secrets, allowed domains, visibility and rate limits are read at call time, so changing them
// never needs a republish and a secret can never end up in a downloadable, signed file.
// Test-panel presets are editor data, not something the endpoint serves, so they stay out too.
// Saved test cases (lib/test-cases) are pinned: a package says how its tools were meant to behave.
import type { ComponentCsp, ToolVisibility } from "@/lib/mcp/types";
import type { ServedPrompt } from "@/lib/prompts/render-prompt";
import type { ServedResource } from "@/lib/resources/read-resource";
import { type Expectation, type TargetRef, targetOf, targetRef } from "@/lib/test-cases/test-case-input";
import { canonicalJson } from "./canonical-json";

export const MANIFEST_FORMAT = "atelier.package/v1";

export type ManifestTool = {
  name: string;
  kind: "data" | "ui";
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  annotations: Record<string, unknown>;
  handler: string;
  component: string | null;
  allowedComponents: string[];
  timeoutMs: number;
  memoryMb: number;
  /** MCP Apps visibility; present only when not both (older packages: both). */
  visibility?: ToolVisibility[];
};

/**
 * A component as pinned. For a TSX component `html` is the compiled document, so the digest
 * covers what hosts are served, and `source` the module it was compiled from. Fields added after
 * the first packages appear only when they differ from the default, so an unchanged component
 * pins the same bytes as before.
 */
export type ManifestComponent = {
  name: string;
  html: string;
  csp: ComponentCsp;
  kind?: "tsx";
  source?: string;
  title?: string;
  description?: string;
  prefersBorder?: false;
};

/** A prompt as pinned: everything prompts/list and prompts/get serve (lib/prompts). */
export type ManifestPrompt = ServedPrompt;

/** A static resource or resource template as pinned (lib/resources). */
export type ManifestResource = ServedResource;

/**
 * A saved test case as pinned (lib/test-cases): its target (`tool`, or `prompt` / `resource`), name,
 * input and expectations. A tool's case has the shape it had before prompts and resources had cases.
 */
export type ManifestTestCase = TargetRef & { name: string; input: Record<string, unknown>; expectations: Expectation[] };

/**
 * The pinned content of a package, or of the draft about to become one. `prompts` and
 * `resources` are present only when there are some, so packages published before they existed
 * (and drafts without any) keep the same canonical JSON and digest.
 */
export type PackageContents = {
  tools: ManifestTool[];
  components: ManifestComponent[];
  prompts?: ManifestPrompt[];
  resources?: ManifestResource[];
  /** Present only when the project has test cases, so older packages keep their digest. */
  testCases?: ManifestTestCase[];
};

export type PackageManifest = PackageContents & {
  format: typeof MANIFEST_FORMAT;
  organization: { id: string; slug: string };
  project: { id: string; slug: string };
  version: string;
  changelog: string;
  author: { id: string; name: string };
  createdAt: string;
  /** RFC 7638 thumbprint of the organization's public key (also served by the signing-key URL). */
  signingKeyId: string;
};

type DraftTool = Omit<ManifestTool, "kind" | "visibility"> & { kind: string; visibility?: ToolVisibility[] };
type DraftComponent = {
  name: string;
  html: string;
  csp: unknown;
  kind?: "html" | "tsx";
  source?: string;
  title?: string;
  description?: string;
  prefersBorder?: boolean;
};
type DraftPrompt = ManifestPrompt;
type DraftResource = ManifestResource;

/** The pinned part of the draft, sorted by name so equal drafts give equal manifests. */
export function contentsFromDraft(draft: {
  tools: DraftTool[];
  components: DraftComponent[];
  prompts?: DraftPrompt[];
  resources?: DraftResource[];
  testCases?: ManifestTestCase[];
}): PackageContents {
  const tools = draft.tools.map(
    (tool): ManifestTool => ({
      name: tool.name,
      kind: tool.kind === "ui" ? "ui" : "data",
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      outputSchema: tool.outputSchema,
      annotations: tool.annotations,
      handler: tool.handler,
      component: tool.component,
      allowedComponents: [...tool.allowedComponents].sort(),
      timeoutMs: tool.timeoutMs,
      memoryMb: tool.memoryMb,
      ...(tool.visibility && tool.visibility.length !== 2 ? { visibility: tool.visibility } : {}),
    }),
  );
  const components = draft.components.map(
    (component): ManifestComponent => ({
      name: component.name,
      html: component.html,
      csp: (component.csp ?? {}) as ComponentCsp,
      ...(component.kind === "tsx" ? { kind: "tsx" as const, source: component.source ?? "" } : {}),
      ...(component.title ? { title: component.title } : {}),
      ...(component.description ? { description: component.description } : {}),
      ...(component.prefersBorder === false ? { prefersBorder: false as const } : {}),
    }),
  );
  const prompts = (draft.prompts ?? []).map(
    (prompt): ManifestPrompt => ({
      name: prompt.name,
      title: prompt.title,
      description: prompt.description,
      arguments: prompt.arguments,
      mode: prompt.mode,
      messages: prompt.messages,
      handler: prompt.handler,
    }),
  );
  const resources = (draft.resources ?? []).map(
    (resource): ManifestResource => ({
      name: resource.name,
      kind: resource.kind,
      uri: resource.uri,
      title: resource.title,
      description: resource.description,
      mimeType: resource.mimeType,
      text: resource.text,
      blob: resource.blob,
      handler: resource.handler,
      completions: resource.completions,
    }),
  );
  const testCases = (draft.testCases ?? []).map(
    (testCase): ManifestTestCase => ({
      ...targetRef(targetOf(testCase)),
      name: testCase.name,
      input: testCase.input,
      expectations: testCase.expectations,
    }),
  );
  return {
    tools: tools.sort(byName),
    components: components.sort(byName),
    ...(prompts.length ? { prompts: prompts.sort(byName) } : {}),
    ...(resources.length ? { resources: resources.sort(byName) } : {}),
    ...(testCases.length ? { testCases: testCases.sort(byToolAndName) } : {}),
  };
}

export function serializeManifest(manifest: PackageManifest): string {
  return canonicalJson(manifest);
}

/** Reads a manifest this server wrote (or one handed to the verifier); refuses other formats. */
export function parseManifest(text: string): PackageManifest {
  const parsed = JSON.parse(text) as Partial<PackageManifest> | null;
  if (!parsed || typeof parsed !== "object" || parsed.format !== MANIFEST_FORMAT) {
    throw new Error(`Not an Atelier package manifest (expected "format": "${MANIFEST_FORMAT}")`);
  }
  if (typeof parsed.version !== "string" || !Array.isArray(parsed.tools) || !Array.isArray(parsed.components)) {
    throw new Error("The manifest has no version, tools or components");
  }
  return parsed as PackageManifest;
}

// Tools' cases first (by tool, then case, as before prompts and resources had cases), then prompts', then resources'.
function byToolAndName(a: ManifestTestCase, b: ManifestTestCase) {
  const key = (item: ManifestTestCase) => {
    const target = targetOf(item);
    return `${["tool", "prompt", "resource"].indexOf(target.kind)}\u0000${target.name}\u0000${item.name}`;
  };
  return byName({ name: key(a) }, { name: key(b) });
}

function byName(a: { name: string }, b: { name: string }) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
