// The behaviour diff of the Publish dialog (issue 16 §4): every saved case of the draft runs on
// production and on the draft, and the cases whose results differ are listed side by side —
// "get_forecast · paris: temperature number → string". A case that passes on production and
// fails on the draft is breaking: the behavioural counterpart of breaking schema changes.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { type TargetRef, targetOf, targetRef } from "./test-case-input";
import { type CaseResult, caseKey, findReusableDraftRun, runTestCases, type TestRunSummary } from "./run-test-cases";

export type BehaviourChange = TargetRef & {
  case: string;
  /** Readable differences from production to draft, e.g. "temperature: number → string". */
  changes: string[];
  breaking: boolean;
  production: CaseResult;
  draft: CaseResult;
};

export type BehaviourDiff = {
  productionVersion: string | null;
  productionRun: TestRunSummary | null;
  draftRun: TestRunSummary;
  changed: BehaviourChange[];
};

/**
 * `draftRunId`: a run of the draft made just before (the Publish dialog's gate check), reused when it
 * still describes the draft (findReusableDraftRun), so the dialog runs the draft suite once.
 */
export async function getBehaviourDiff(options: {
  access: ProjectAccess;
  actor: Actor;
  origin: string;
  draftRunId?: string;
}): Promise<BehaviourDiff> {
  const { access, actor, origin } = options;
  const draftRun =
    (await findReusableDraftRun({ access, runId: options.draftRunId })) ??
    (await runTestCases({ access, actor, origin, environment: "draft" }));
  if (!access.project.productionPackageId) return { productionVersion: null, productionRun: null, draftRun, changed: [] };
  const productionRun = await runTestCases({ access, actor, origin, environment: "production" });
  const changed: BehaviourChange[] = [];
  for (const draft of draftRun.results) {
    const production = productionRun.results.find((result) => caseKey(result) === caseKey(draft));
    if (!production) continue;
    const changes = describeBehaviourChanges(production, draft);
    if (changes.length === 0 && production.passed === draft.passed) continue;
    const target = targetOf(draft);
    changed.push({ ...targetRef(target), case: draft.case, changes, breaking: production.passed && !draft.passed, production, draft });
  }
  return { productionVersion: productionRun.packageVersion, productionRun, draftRun, changed };
}

/** What differs between two outcomes of the same case, production first. */
export function describeBehaviourChanges(production: CaseResult, draft: CaseResult): string[] {
  const before = production.outcome;
  const after = draft.outcome;
  const changes: string[] = [];
  if (before.isError !== after.isError) changes.push(before.isError ? "error → success" : "success → error");
  changes.push(...jsonChanges(before.structuredContent, after.structuredContent, "", ROOT_LABEL[targetOf(draft).kind]));
  if (changes.length === 0 && canonicalJson(before.text) !== canonicalJson(after.text)) changes.push("text content changed");
  return changes;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

// What a case's structured value is called: a tool's structuredContent, a prompt's messages, a resource's JSON contents.
const ROOT_LABEL = { tool: "structuredContent", prompt: "messages", resource: "contents" } as const;

function label(path: string, root: string) {
  return path ? path.slice(1).replace(/\//g, ".") : root;
}

function jsonChanges(before: unknown, after: unknown, path: string, root: string): string[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [`${label(path, root)} added (${kindOf(after)})`];
  if (after === undefined) return [`${label(path, root)} removed`];
  const beforeKind = kindOf(before);
  const afterKind = kindOf(after);
  if (beforeKind !== afterKind) return [`${label(path, root)}: ${beforeKind} → ${afterKind}`];
  if (beforeKind === "object") {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => jsonChanges(a[key], b[key], `${path}/${key}`, root));
  }
  if (beforeKind === "array") {
    const a = before as unknown[];
    const b = after as unknown[];
    if (a.length !== b.length) return [`${label(path, root)}: ${a.length} → ${b.length} items`];
    return a.flatMap((item, index) => jsonChanges(item, b[index], `${path}/${index}`, root));
  }
  return before === after ? [] : [`${label(path, root)}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`];
}
