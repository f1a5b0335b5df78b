// pull and push: the project as files (lib/layout.js) through the export and import endpoints.
import { resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { projectContext } from "../lib/api.js";
import { CliError, EXIT } from "../lib/errors.js";
import {
  archiveToFiles,
  filesToArchive,
  LAYOUT_FORMAT,
  locateProblem,
  readManifest,
  readProjectFiles,
  writeProjectFiles,
} from "../lib/layout.js";
import { confirm } from "../lib/output.js";

// atelier pull [dir]: writes the draft as files (default: the current folder).
export async function pull({ positionals, values, out }) {
  const dir = resolve(positionals[0] ?? ".");
  const manifest = await readManifest(dir);
  const { api, org, project, base } = await projectContext({ project: values.project || manifest?.project });
  out.progress(`Pulling ${org}/${project}…`);
  const archive = await api.get(`${base}/export`);
  const files = archiveToFiles(archive);
  await writeProjectFiles(dir, files, { format: LAYOUT_FORMAT, project: `${org}/${project}`, name: archive.project.name });
  const counts = {
    tools: archive.tools.length,
    components: archive.components.length,
    prompts: archive.prompts.length,
    resources: archive.resources.length,
    testCases: archive.testCases?.length ?? 0,
  };
  out.result(
    {
      ok: true,
      project: `${org}/${project}`,
      dir,
      files: [...files.keys()].sort(),
      counts,
      draftDigest: archive.source?.draftDigest ?? null,
    },
    () =>
      out.line(
        `Pulled ${org}/${project} into ${dir}: ${counts.tools} tool(s), ${counts.components} component(s), ${counts.prompts} prompt(s), ${counts.resources} resource(s).`,
      ),
  );
}

function fileDiffs(before, after) {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((path) => {
    const old = before.get(path);
    const next = after.get(path);
    if (old === next) return [];
    const status = old === undefined ? "added" : next === undefined ? "removed" : "modified";
    return [
      { path, status, patch: createTwoFilesPatch(`a/${path}`, `b/${path}`, old ?? "", next ?? "", undefined, undefined, { context: 3 }) },
    ];
  });
}

// Test cases are in the preview since export carried them; an older server's preview has none.
const KINDS = ["tools", "components", "prompts", "resources", "testCases"];
const NO_CHANGES = { create: [], update: [], delete: [] };
const LABELS = { tools: "tool", components: "component", prompts: "prompt", resources: "resource", testCases: "test case" };

function printPlan(out, preview, diffs) {
  for (const kind of KINDS) {
    const changes = preview[kind] ?? NO_CHANGES;
    for (const name of changes.create) out.line(`  + ${LABELS[kind]} ${name}`);
    for (const name of changes.update) out.line(`  ~ ${LABELS[kind]} ${name}`);
    for (const name of changes.delete) out.line(`  - ${LABELS[kind]} ${name}`);
  }
  if (preview.instructionsChanged) out.line("  ~ instructions.md");
  for (const diff of diffs) out.line(diff.patch.split("\n").slice(2).join("\n").trimEnd());
  for (const entry of preview.secretsToSet ?? []) out.line(`  ! ${entry.tool} needs secret(s) ${entry.names.join(", ")} set in the studio`);
}

const itemCount = (preview) =>
  KINDS.reduce((sum, kind) => {
    const changes = preview[kind] ?? NO_CHANGES;
    return sum + changes.create.length + changes.update.length + changes.delete.length;
  }, 0) + (preview.instructionsChanged ? 1 : 0);

// atelier push [dir] [--dry-run] [--yes]: makes the draft equal to the folder, after showing the plan.
export async function push({ positionals, values, out }) {
  const dir = resolve(positionals[0] ?? ".");
  const manifest = await readManifest(dir);
  if (!manifest) throw new CliError(`${dir} has no atelier.json: run \`atelier pull ${positionals[0] ?? "."}\` first`, EXIT.usage);
  const { api, org, project, base } = await projectContext({ project: values.project || manifest.project });
  const files = await readProjectFiles(dir);
  const archive = filesToArchive(files, manifest);
  out.progress(`Comparing ${dir} with the draft of ${org}/${project}…`);
  const [current, planned] = await Promise.all([api.get(`${base}/export`), api.post(`${base}/import`, { archive, dryRun: true })]);
  const { preview } = planned;
  // A folder without tests/ (pulled before cases were exported) leaves the draft's cases alone: not a difference.
  const diffs = fileDiffs(archiveToFiles(archive.testCases ? current : { ...current, testCases: undefined }), files);
  const problems = preview.problems.map((problem) => locateProblem(problem, files));
  const plan = {
    project: `${org}/${project}`,
    changes: Object.fromEntries(KINDS.filter((kind) => preview[kind]).map((kind) => [kind, preview[kind]])),
    instructionsChanged: preview.instructionsChanged,
    secretsToSet: preview.secretsToSet,
    files: diffs.map(({ path, status }) => ({ path, status })),
  };
  if (problems.length) {
    throw new CliError(`The server refused ${problems.length} problem(s) in ${dir}; nothing was pushed`, EXIT.invalid, {
      files: problems,
      plan,
    });
  }
  if (itemCount(preview) === 0) {
    out.result({ ok: true, applied: false, dryRun: Boolean(values["dry-run"]), ...plan }, () =>
      out.line("Nothing to push: the draft already matches."),
    );
    return;
  }
  if (!out.json) {
    out.line(`Plan for ${org}/${project} (draft):`);
    printPlan(out, preview, diffs);
  }
  if (values["dry-run"]) {
    out.result({ ok: true, applied: false, dryRun: true, ...plan }, () => out.line("Dry run: nothing was changed."));
    return;
  }
  await confirm(`Apply ${itemCount(preview)} change(s) to the draft of ${org}/${project}?`, {
    yes: values.yes,
    what: "push changes the draft",
  });
  out.progress("Pushing…");
  let applied;
  try {
    applied = await api.post(`${base}/import`, { archive });
  } catch (error) {
    const serverProblems = error.details?.problems;
    if (serverProblems) error.details.files = serverProblems.map((problem) => locateProblem(problem, files));
    throw error;
  }
  out.result({ ok: true, applied: true, dryRun: false, ...plan, draftDigest: applied.draftDigest }, () =>
    out.line(`Pushed: the draft endpoint serves it now (digest ${applied.draftDigest}).`),
  );
}
