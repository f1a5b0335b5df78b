// npm test: every suite in one run, with one closing summary line.
//   1. lint (Biome, knip)  2. typecheck (tsc --noEmit)  3. unit (Vitest)  4. process (Vitest: scripts and
//   migrations, which start processes and databases)  5. integration on PGlite  6. integration on PostgreSQL
//   (127.0.0.1:5432)  7. e2e (Playwright in Chromium, against a production build on the embedded default)
// Every step runs even when an earlier one fails, so one run shows everything.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "atelier-test-reports-"));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`

const vitestStep = (name, project, extraEnv = {}) => ({
  name,
  command: bin("vitest"),
  args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`],
  env: extraEnv,
  counts: (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }),
});

// A check counts as one passed (or failed) test in the summary.
const checkStep = (name, script) => ({
  name,
  command: "npm",
  args: ["run", "--silent", script],
  env: {},
  counts: null,
});

const steps = [
  checkStep("lint", "lint"),
  checkStep("typecheck", "typecheck"),
  vitestStep("unit", "unit"),
  vitestStep("process", "process"),
  vitestStep("integration-pglite", "integration", { ATELIER_TEST_DB: "pglite" }),
  vitestStep("integration-postgres", "integration", { ATELIER_TEST_DB: "postgres" }),
  {
    name: "e2e",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reports, "e2e.json") },
    counts: (report) => ({
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
      skipped: report.stats.skipped,
    }),
  },
].filter((step) => only.length === 0 || only.some((name) => step.name.startsWith(name)));

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of steps) {
  console.log(`\n━━━ ${step.name} ━━━`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  const reportFile = path.join(reports, `${step.name}.json`);
  const counts = !step.counts
    ? { passed: result.status === 0 ? 1 : 0, failed: result.status === 0 ? 0 : 1, skipped: 0 }
    : existsSync(reportFile)
      ? step.counts(JSON.parse(readFileSync(reportFile, "utf8")))
      : { passed: 0, failed: 1, skipped: 0 };
  // A runner that crashed before reporting, or exited non-zero with no failed test, still fails the run.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(
    `${step.name.padEnd(22)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped  (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}
rmSync(reports, { recursive: true, force: true });

console.log(`\n━━━ summary ━━━\n${lines.join("\n")}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
