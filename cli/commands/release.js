// publish and rollback
import { projectContext } from "../lib/api.js";
import { CliError, EXIT } from "../lib/errors.js";
import { confirm } from "../lib/output.js";

// atelier publish --changelog <text> [--version x.y.z] [--yes]
export async function publish({ values, out }) {
  if (!values.changelog?.trim())
    throw new CliError("--changelog is required: say what changed for the people who use this server", EXIT.usage);
  const { api, org, project, base } = await projectContext(values);
  const preview = await api.get(`${base}/publish`);
  if (!preview.changed)
    throw new CliError(`Nothing to publish: the draft is identical to production (${preview.currentVersion ?? "none"}).`, EXIT.conflict);
  const breaking = preview.breakingChanges;
  if (!out.json) {
    out.line(
      `Publishing ${org}/${project}: ${preview.currentVersion ?? "(first publish)"} → ${values.version ?? preview.suggestedVersion}`,
    );
    for (const change of breaking) out.line(`  ! breaking: ${change.tool ? `${change.tool}: ` : ""}${change.message}`);
  }
  if (breaking.length) {
    try {
      await confirm(`${breaking.length} breaking change(s): hosts using this server may fail. Publish anyway?`, {
        yes: values.yes,
        what: `${breaking.length} breaking change(s)`,
      });
    } catch (error) {
      error.details = { breakingChanges: breaking, suggestedVersion: preview.suggestedVersion };
      throw error;
    }
  }
  out.progress("Publishing…");
  const published = await api.post(`${base}/publish`, {
    changelog: values.changelog,
    ...(values.version ? { version: values.version } : {}),
  });
  out.result(
    { ok: true, version: published.version, previousVersion: preview.currentVersion, digest: published.digest, breakingChanges: breaking },
    () => out.line(`Published ${published.version}: production serves it now (digest ${published.digest}).`),
  );
}

// atelier rollback <version> [--yes]
export async function rollback({ positionals, values, out }) {
  const version = positionals[0];
  if (!version) throw new CliError("Usage: atelier rollback <version>", EXIT.usage);
  const { api, org, project, base } = await projectContext(values);
  await confirm(`Roll production of ${org}/${project} back to ${version}?`, { yes: values.yes, what: `rollback to ${version}` });
  const result = await api.post(`${base}/rollback`, { version });
  out.result({ ok: true, version: result.version ?? version, result }, () =>
    out.line(`Production of ${org}/${project} serves ${version} now.`),
  );
}
