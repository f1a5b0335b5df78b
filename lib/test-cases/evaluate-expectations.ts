// Checks a call's outcome against a test case's expectations. A prompt's or resource's answer is
// first put in the same shape as a tool result (run-test-cases.ts): a prompt's `messages` are its
// structured value and their text blocks its text; a resource's text contents are its text and
// the JSON of its first text its structured value. Each expectation gets a
// verdict with the value it looked at and, when it failed, a readable difference: the JSON paths
// that differ ("/temperature: expected a number (21), got a string ("21")") or a unified diff.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { describeError, getValidator } from "@/lib/json-schema/json-schema";
import { canonicalJson } from "@/lib/packages/canonical-json";
import type { Expectation } from "./test-case-input";

/** What one call produced: the result (or the JSON-RPC error it raised instead) and how long it took. */
export type CallOutcome = {
  result: { isError?: boolean; content?: Array<{ type: string; text?: string }>; structuredContent?: unknown } | null;
  protocolError: { code: number; message: string } | null;
  durationMs: number;
  /** Resources: the MIME type of every contents item. */
  mimeTypes?: string[];
  /** Why there is no structured value, when the target's answer has none ("the contents are not JSON"). */
  structuredMissing?: string;
};

export type ExpectationVerdict = {
  kind: Expectation["kind"];
  passed: boolean;
  expected: unknown;
  actual: unknown;
  /** Why it failed, readable: mismatching paths or a unified diff. Absent when it passed. */
  diff?: string;
};

export function evaluateExpectations(expectations: Expectation[], outcome: CallOutcome): ExpectationVerdict[] {
  return expectations.map((expectation) => evaluateOne(expectation, outcome));
}

function evaluateOne(expectation: Expectation, outcome: CallOutcome): ExpectationVerdict {
  const structured = outcome.result?.structuredContent;
  switch (expectation.kind) {
    case "isError": {
      const actual = isErrorOutcome(outcome);
      return verdict(
        expectation,
        expectation.value,
        actual,
        actual === expectation.value,
        () =>
          `expected ${expectation.value ? "an error" : "a successful result"}, got ${actual ? `an error (${errorSummary(outcome)})` : "a successful result"}`,
      );
    }
    case "structuredEquals": {
      const mismatches = compareJson(expectation.value, structured, "", "equals");
      return verdict(expectation, expectation.value, structured ?? null, mismatches.length === 0, () =>
        [...mismatches, "", unifiedDiff(expectation.value, structured)].join("\n").trim(),
      );
    }
    case "structuredContains": {
      const mismatches = compareJson(expectation.value, structured, "", "contains");
      return verdict(expectation, expectation.value, structured ?? null, mismatches.length === 0, () => mismatches.join("\n"));
    }
    case "structuredMatchesSchema": {
      if (structured === undefined)
        return verdict(
          expectation,
          expectation.schema,
          null,
          false,
          () => outcome.structuredMissing ?? "the result has no structuredContent",
        );
      const validate = getValidator(expectation.schema);
      const valid = validate(structured) as boolean;
      return verdict(expectation, expectation.schema, structured, valid, () =>
        (validate.errors ?? []).map((error) => describeError(error, structured).message).join("\n"),
      );
    }
    case "textContains": {
      const texts = textBlocks(outcome);
      return verdict(
        expectation,
        expectation.value,
        texts,
        texts.some((text) => text.includes(expectation.value)),
        () =>
          `no text content block contains ${JSON.stringify(expectation.value)}${texts.length ? "" : " (the result has no text content)"}`,
      );
    }
    case "textMatches": {
      const texts = textBlocks(outcome);
      const pattern = new RegExp(expectation.pattern, expectation.flags);
      const expected = `/${expectation.pattern}/${expectation.flags ?? ""}`;
      return verdict(
        expectation,
        expected,
        texts,
        texts.some((text) => matches(pattern, text)),
        () => `no text content block matches ${expected}${texts.length ? "" : " (the result has no text content)"}`,
      );
    }
    case "errorCode": {
      const actual = errorCode(outcome);
      return verdict(expectation, expectation.code, actual, actual === expectation.code, () =>
        actual === null
          ? `expected error code ${expectation.code}, got no error`
          : `expected error code ${expectation.code}, got ${actual}`,
      );
    }
    case "mimeType": {
      const actual = outcome.mimeTypes ?? [];
      return verdict(expectation, expectation.value, actual, actual.includes(expectation.value), () =>
        actual.length
          ? `expected MIME type ${expectation.value}, got ${actual.join(", ")}`
          : `expected MIME type ${expectation.value}, got no contents`,
      );
    }
    case "maxDurationMs": {
      const actual = Math.round(outcome.durationMs);
      return verdict(
        expectation,
        expectation.value,
        actual,
        actual <= expectation.value,
        () => `took ${actual} ms, more than the ${expectation.value} ms allowed`,
      );
    }
  }
}

function verdict(expectation: Expectation, expected: unknown, actual: unknown, passed: boolean, explain: () => string): ExpectationVerdict {
  return { kind: expectation.kind, passed, expected, actual, ...(passed ? {} : { diff: explain() }) };
}

function matches(pattern: RegExp, text: string) {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

export function isErrorOutcome(outcome: CallOutcome): boolean {
  return outcome.protocolError !== null || outcome.result?.isError === true;
}

function textBlocks(outcome: CallOutcome): string[] {
  return (outcome.result?.content ?? [])
    .filter((block) => block.type === "text" && typeof block.text === "string")
    .map((block) => block.text as string);
}

/**
 * The error code of a failed call: `error.code` of an isError result (from structuredContent, or
 * from the JSON text when a tool with an outputSchema sends errors as text only), or the JSON-RPC
 * error code as a string.
 */
export function errorCode(outcome: CallOutcome): string | null {
  if (outcome.protocolError) return String(outcome.protocolError.code);
  if (!outcome.result?.isError) return null;
  const fromStructured = codeOf(outcome.result.structuredContent);
  if (fromStructured) return fromStructured;
  for (const text of textBlocks(outcome)) {
    try {
      const code = codeOf(JSON.parse(text));
      if (code) return code;
    } catch {
      // Plain text: no code in it.
    }
  }
  return null;
}

function codeOf(value: unknown): string | null {
  const code = (value as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === "string" ? code : null;
}

function errorSummary(outcome: CallOutcome): string {
  if (outcome.protocolError) return `JSON-RPC ${outcome.protocolError.code}: ${outcome.protocolError.message}`;
  return errorCode(outcome) ?? textBlocks(outcome)[0]?.slice(0, 200) ?? "no message";
}

export function describeValue(value: unknown): string {
  const type = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  const text = value === undefined ? "missing" : JSON.stringify(value);
  return value === undefined ? "nothing" : `${type} (${text.length > 80 ? `${text.slice(0, 77)}...` : text})`;
}

/**
 * Differences between `expected` and `actual` as "path: expected …, got …" lines. In "contains"
 * mode an object may have extra keys and an array extra items after the expected ones.
 */
export function compareJson(expected: unknown, actual: unknown, path: string, mode: "equals" | "contains"): string[] {
  const here = path || "/";
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${here}: expected ${describeValue(expected)}, got ${describeValue(actual)}`];
    const lengthProblem = mode === "equals" ? actual.length !== expected.length : actual.length < expected.length;
    const items = expected.flatMap((item, index) => compareJson(item, actual[index], `${path}/${index}`, mode));
    return lengthProblem ? [`${here}: expected ${expected.length} items, got ${actual.length}`, ...items] : items;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return [`${here}: expected ${describeValue(expected)}, got ${describeValue(actual)}`];
    const expectedObject = expected as Record<string, unknown>;
    const actualObject = actual as Record<string, unknown>;
    const problems = Object.keys(expectedObject).flatMap((key) =>
      compareJson(expectedObject[key], actualObject[key], `${path}/${escapePointer(key)}`, mode),
    );
    if (mode === "equals") {
      for (const key of Object.keys(actualObject))
        if (!(key in expectedObject)) problems.push(`${path}/${escapePointer(key)}: unexpected ${describeValue(actualObject[key])}`);
    }
    return problems;
  }
  return canonicalJson(expected) === canonicalJson(actual ?? null) && actual !== undefined
    ? []
    : [`${here}: expected ${describeValue(expected)}, got ${describeValue(actual)}`];
}

function escapePointer(key: string) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pretty(value: unknown) {
  return value === undefined ? "" : `${JSON.stringify(JSON.parse(canonicalJson(value)), null, 2)}\n`;
}

export function unifiedDiff(expected: unknown, actual: unknown, labels = { before: "expected", after: "actual" }): string {
  return createTwoFilesPatch(labels.before, labels.after, pretty(expected), pretty(actual), undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}
