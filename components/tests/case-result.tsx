import { Badge } from "@/components/ui/badge";
import type { CaseResult } from "@/lib/hooks/use-test-cases";
import { expectationLabel, short } from "./expectation-label";

/** One case's verdict: pass/fail per expectation, with the actual value and a readable diff. */
export function CaseResultView({ result }: { result: CaseResult }) {
  return (
    <ul className="space-y-2" aria-label={`Expectations of ${result.case}`}>
      {result.expectations.map((verdict, index) => (
        <li key={index} className="space-y-1 text-sm">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge tone={verdict.passed ? "success" : "danger"}>{verdict.passed ? "Pass" : "Fail"}</Badge>
            <span className="font-medium">{expectationLabel(verdict.kind)}</span>
            <span className="font-mono text-xs text-muted [overflow-wrap:anywhere]">{short(verdict.expected)}</span>
          </div>
          {!verdict.passed && (
            <div className="space-y-1 pl-2">
              <p className="text-xs text-muted">
                Actual: <span className="font-mono [overflow-wrap:anywhere]">{short(verdict.actual)}</span>
              </p>
              {verdict.diff && (
                <pre className="overflow-x-auto rounded-control bg-subtle p-2 font-mono text-xs whitespace-pre-wrap">{verdict.diff}</pre>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ResultBadge({ result }: { result: CaseResult | null }) {
  if (!result) return <Badge>Not run</Badge>;
  return <Badge tone={result.passed ? "success" : "danger"}>{result.passed ? "Passed" : "Failed"}</Badge>;
}
