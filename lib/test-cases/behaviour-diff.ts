// The behaviour diff of the Publish dialog (issue 16 §4): every saved case of the draft runs on
// production and on the draft, and the cases whose results differ are listed side by side —
// "get_forecast · paris: temperature number → string". A case that passes on production and
// fails on the draft is breaking: the behavioural counterpart of breaking schema changes.
import "server-only";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { type CaseResult, runTestCases, type TestRunSummary } from "./run-test-cases";

export type BehaviourChange = {
  tool: string;
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

export async function getBehaviourDiff(options: { access: ProjectAccess; actor: Actor; origin: string }): Promise<BehaviourDiff> {
  const draftRun = await runTestCases({ ...options, environment: "draft" });
  if (!options.access.project.productionPackageId) return { productionVersion: null, productionRun: null, draftRun, changed: [] };
  const productionRun = await runTestCases({ ...options, environment: "production" });
  const changed: BehaviourChange[] = [];
  for (const draft of draftRun.results) {
    const production = productionRun.results.find((result) => result.tool === draft.tool && result.case === draft.case);
    if (!production) continue;
    const changes = describeBehaviourChanges(production, draft);
    if (changes.length === 0 && production.passed === draft.passed) continue;
    changed.push({ tool: draft.tool, case: draft.case, changes, breaking: production.passed && !draft.passed, production, draft });
  }
  return { productionVersion: productionRun.packageVersion, productionRun, draftRun, changed };
}

/** What differs between two outcomes of the same case, production first. */
export function describeBehaviourChanges(production: CaseResult, draft: CaseResult): string[] {
  const before = production.outcome;
  const after = draft.outcome;
  const changes: string[] = [];
  if (before.isError !== after.isError) changes.push(before.isError ? "error → success" : "success → error");
  changes.push(...jsonChanges(before.structuredContent, after.structuredContent, ""));
  if (changes.length === 0 && canonicalJson(before.text) !== canonicalJson(after.text)) changes.push("text content changed");
  return changes;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function label(path: string) {
  return path ? path.slice(1).replace(/\//g, ".") : "structuredContent";
}

function jsonChanges(before: unknown, after: unknown, path: string): string[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [`${label(path)} added (${kindOf(after)})`];
  if (after === undefined) return [`${label(path)} removed`];
  const beforeKind = kindOf(before);
  const afterKind = kindOf(after);
  if (beforeKind !== afterKind) return [`${label(path)}: ${beforeKind} → ${afterKind}`];
  if (beforeKind === "object") {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => jsonChanges(a[key], b[key], `${path}/${key}`));
  }
  if (beforeKind === "array") {
    const a = before as unknown[];
    const b = after as unknown[];
    if (a.length !== b.length) return [`${label(path)}: ${a.length} → ${b.length} items`];
    return a.flatMap((item, index) => jsonChanges(item, b[index], `${path}/${index}`));
  }
  return before === after ? [] : [`${label(path)}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`];
}
