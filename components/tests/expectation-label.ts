import type { Expectation } from "@/lib/hooks/use-test-cases";

const LABELS: Record<Expectation["kind"], string> = {
  isError: "is an error",
  structuredEquals: "structuredContent equals",
  structuredContains: "structuredContent contains",
  structuredMatchesSchema: "structuredContent matches schema",
  textContains: "text contains",
  textMatches: "text matches",
  errorCode: "error code",
  maxDurationMs: "max duration (ms)",
  mimeType: "MIME type",
};

export function expectationLabel(kind: Expectation["kind"]): string {
  return LABELS[kind];
}

export function short(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? "—" : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
