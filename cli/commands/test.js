// atelier test [--tool t | --prompt p | --resource r] [--case c]: runs the project's saved test
// cases on the draft (on the server, through the MCP client, as the token's user) and exits 0 when
// all pass, 8 when any fails.
import { projectContext } from "../lib/api.js";
import { CliError, EXIT } from "../lib/errors.js";

const label = (result) => (result.prompt ? `prompt ${result.prompt}` : result.resource ? `resource ${result.resource}` : result.tool);

export async function test({ values, out }) {
  const targets = ["tool", "prompt", "resource"].filter((kind) => values[kind]);
  if (targets.length > 1) throw new CliError("Name one of --tool, --prompt or --resource", EXIT.usage);
  if (values.case && targets.length === 0)
    throw new CliError("--case needs --tool, --prompt or --resource: case names are unique per tool, prompt or resource", EXIT.usage);
  const { api, org, project, base } = await projectContext(values);
  out.progress(`Running the test cases of ${org}/${project} on the draft…`);
  const run = await api.post(`${base}/test-runs`, {
    ...(values.tool ? { tool: values.tool } : {}),
    ...(values.prompt ? { prompt: values.prompt } : {}),
    ...(values.resource ? { resource: values.resource } : {}),
    ...(values.case ? { case: values.case } : {}),
  });
  const ok = run.failed === 0;
  out.result({ ok, passed: run.passed, failed: run.failed, draftRevision: run.draftRevision, results: run.results }, () => {
    for (const result of run.results) {
      out.line(`${result.passed ? "PASS" : "FAIL"} ${label(result)} · ${result.case} (${result.durationMs} ms)`);
      for (const verdict of result.expectations.filter((item) => !item.passed)) {
        out.line(`  ✗ ${verdict.kind}`);
        for (const line of (verdict.diff ?? "").split("\n")) out.line(`    ${line}`);
      }
    }
    out.line(run.results.length ? `${run.passed} passed, ${run.failed} failed` : "No test cases yet.");
  });
  return ok ? EXIT.ok : EXIT.testsFailed;
}
