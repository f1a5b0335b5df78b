// What a test case runs against, with no dependencies: the studio's client code (the Publish
// dialog on every project page, the Tests page, the hooks) imports it without pulling in zod.
/**
 * What a case runs against. Its owner appears in cases, results and manifests as exactly one of
 * `tool`, `prompt` or `resource` (tool cases keep the shape they had before prompts and
 * resources had cases, so earlier package digests are unchanged).
 */
export type TestTargetKind = "tool" | "prompt" | "resource";
export type TestTarget = { kind: TestTargetKind; name: string };
export type TargetRef = { tool?: string; prompt?: string; resource?: string };

export function targetOf(ref: TargetRef): TestTarget {
  if (ref.prompt !== undefined) return { kind: "prompt", name: ref.prompt };
  if (ref.resource !== undefined) return { kind: "resource", name: ref.resource };
  return { kind: "tool", name: ref.tool ?? "" };
}

export function targetRef(target: TestTarget): TargetRef {
  return { [target.kind]: target.name };
}

/** A target as a path segment: the tool's name (as before), or prompts/<name>, resources/<name>. */
export function targetKey(ref: TargetRef): string {
  const target = targetOf(ref);
  return target.kind === "tool" ? target.name : `${target.kind}s/${target.name}`;
}

/** The API path of a target, under the project: tools/<name>, prompts/<name>, resources/<name>. */
export function targetPath(target: TestTarget): string {
  return `${target.kind}s/${encodeURIComponent(target.name)}`;
}

/** How a person reads a target: `get_weather`, `prompt greet`, `resource weather`. */
export function targetLabel(ref: TargetRef): string {
  const target = targetOf(ref);
  return target.kind === "tool" ? target.name : `${target.kind} ${target.name}`;
}
