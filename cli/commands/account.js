// login, use, status
import { createInterface } from "node:readline/promises";
import { Api, projectContext } from "../lib/api.js";
import { loadSettings, parseProjectRef, readConfig, writeConfig } from "../lib/config.js";
import { CliError, EXIT } from "../lib/errors.js";

async function ask(question) {
  if (!process.stdin.isTTY) throw new CliError(`${question.replace(/: $/, "")} is required (pass it as an option)`, EXIT.usage);
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await readline.question(question);
  readline.close();
  return answer.trim();
}

// atelier login [--url <origin>] [--token <pat>]: checks the token against GET /app/v1/me, then saves both.
export async function login({ values, out }) {
  const config = await readConfig();
  const origin = (values.url || process.env.ATELIER_URL || (await ask("Atelier URL (e.g. https://atelier.example.com): "))).replace(
    /\/+$/,
    "",
  );
  if (!/^https?:\/\/[^/]+/.test(origin)) throw new CliError(`"${origin}" is not an http(s) URL`, EXIT.usage);
  const token = values.token || process.env.ATELIER_TOKEN || (await ask("Personal API token (Account → API tokens): "));
  const me = await new Api({ origin, token }).get("/me");
  const path = await writeConfig({ ...config, origin, token });
  out.result({ ok: true, origin, user: me, config: path }, () =>
    out.line(`Logged in to ${origin} as ${me.email}. Saved to ${path} (mode 0600).`),
  );
}

// atelier use <org>/<project>: remembers the project the other commands work on.
export async function use({ positionals, out }) {
  const ref = positionals[0];
  const { org, project } = parseProjectRef(ref);
  const settings = await loadSettings();
  const api = new Api(settings);
  const found = await api.get(`/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}`);
  const path = await writeConfig({ ...settings.config, project: `${org}/${project}` });
  out.result({ ok: true, project: `${org}/${project}`, name: found.name, config: path }, () =>
    out.line(`Using ${org}/${project} (${found.name}).`),
  );
}

// atelier status: who, where, draft vs production, last publish.
export async function status({ values, out }) {
  const { api, org, project, base, origin } = await projectContext(values);
  const [me, details, preview, packages, digest] = await Promise.all([
    api.get("/me"),
    api.get(base),
    api.get(`${base}/publish`),
    api.get(`${base}/packages?limit=1`),
    api.get(`${base}/draft/digest`),
  ]);
  const last = packages.data?.[0] ?? null;
  const count = (changes) => (changes ? changes.added.length + changes.removed.length + changes.modified.length : 0);
  const result = {
    ok: true,
    origin,
    user: me,
    project: { ref: `${org}/${project}`, name: details.name, visibility: details.visibility },
    production: {
      version: details.productionVersion,
      lastPublish: last && { version: last.version, at: last.createdAt, by: last.author?.name ?? null, changelog: last.changelog },
    },
    draft: {
      digest: digest.digest,
      unpublishedChanges: preview.changed,
      changes: {
        tools: count(preview.tools),
        components: count(preview.components),
        prompts: count(preview.prompts),
        resources: count(preview.resources),
      },
      breakingChanges: preview.breakingChanges.length,
      suggestedVersion: preview.suggestedVersion,
    },
  };
  out.result(result, () => {
    out.line(`${me.email} on ${origin}`);
    out.line(`Project ${org}/${project} — ${details.name} (${details.visibility})`);
    out.line(`Production: ${details.productionVersion ?? "not published yet"}`);
    if (last) out.line(`Last publish: ${last.version} on ${last.createdAt} by ${last.author?.name ?? "?"} — ${last.changelog}`);
    if (!preview.changed) out.line("Draft: same as production");
    else {
      const c = result.draft.changes;
      out.line(`Draft: unpublished changes — tools ${c.tools}, components ${c.components}, prompts ${c.prompts}, resources ${c.resources}`);
      out.line(
        `Next version: ${preview.suggestedVersion}${preview.breakingChanges.length ? ` (${preview.breakingChanges.length} breaking change(s))` : ""}`,
      );
    }
  });
}
