#!/usr/bin/env node
// The atelier CLI: projects as code over the admin REST API with a personal API token.
// Plain Node ESM (Node 20+), no build step: `npx atelier <command>` from a checkout.
import { parseArgs } from "node:util";
import { login, status, use } from "./commands/account.js";
import { doctor, logs } from "./commands/observe.js";
import { publish, rollback } from "./commands/release.js";
import { pull, push } from "./commands/sync.js";
import { test } from "./commands/test.js";
import { CliError, EXIT } from "./lib/errors.js";
import { createOutput, printError } from "./lib/output.js";

const HELP = `atelier — build Atelier projects from files, CI and scripts

Usage: atelier <command> [options]

  login [--url <origin>] [--token <token>]   save the server and a personal API token (0600)
  use <org>/<project>                        choose the project the other commands use
  status                                     who, where, draft vs production, last publish
  pull [dir]                                 write the draft as files (default: .)
  push [dir] [--dry-run] [--yes]             show the plan as a diff, then make the draft equal to the files
  publish --changelog <text> [--version v] [--yes]
                                             publish the draft; breaking changes need --yes
  rollback <version> [--yes]                 production serves an earlier version
  test [--tool t | --prompt p | --resource r] [--case c]
                                             run the saved test cases on the draft; exit 8 if any fails
  logs [--follow] [--tool t] [--environment draft|production] [--status success|error]
       [--error-type t] [--since ISO] [--limit n]
                                             tool executions, oldest first
  doctor                                     read-only advice about the draft

Every command: --json (one JSON document on stdout), --project <org>/<project>.
Environment: ATELIER_URL, ATELIER_TOKEN, ATELIER_PROJECT override the saved configuration.

Exit codes: 0 ok · 1 failure · 2 usage · 3 not logged in / token refused · 4 forbidden or not found
            5 refused by validation · 6 not confirmed (use --yes) · 7 conflict (e.g. nothing to publish)
            8 test cases failed (atelier test)
`;

const COMMANDS = { login, use, status, pull, push, publish, rollback, test, logs, doctor };

const OPTIONS = {
  json: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  project: { type: "string", short: "p" },
  url: { type: "string" },
  token: { type: "string" },
  changelog: { type: "string", short: "m" },
  version: { type: "string" },
  follow: { type: "boolean", short: "f" },
  interval: { type: "string" },
  tool: { type: "string" },
  environment: { type: "string" },
  status: { type: "string" },
  "error-type": { type: "string" },
  since: { type: "string" },
  limit: { type: "string" },
  case: { type: "string" },
  prompt: { type: "string" },
  resource: { type: "string" },
};

async function main(argv) {
  const json = argv.includes("--json");
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return printError(new CliError(`${error.message}\n${HELP}`, EXIT.usage), { json });
  }
  const [name, ...positionals] = parsed.positionals;
  if (!name || parsed.values.help || name === "help") {
    process.stdout.write(HELP);
    return name || parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) return printError(new CliError(`Unknown command "${name}". Run \`atelier help\`.`, EXIT.usage), { json });
  const out = createOutput({ json });
  try {
    // A command may answer with its own exit code (atelier test: 8 when a case fails).
    const code = await command({ positionals, values: parsed.values, out });
    return typeof code === "number" ? code : EXIT.ok;
  } catch (error) {
    return printError(error, { json });
  }
}

process.exitCode = await main(process.argv.slice(2));
