// Human output by default, one JSON document with --json. Progress and prompts go to stderr, so
// stdout stays the result.
import { createInterface } from "node:readline/promises";
import { CliError, EXIT } from "./errors.js";

export function createOutput({ json }) {
  return {
    json,
    /** The command's result: printed as JSON, or by `human` for people. */
    result(data, human) {
      if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else if (human) human();
    },
    line(text = "") {
      if (!json) process.stdout.write(`${text}\n`);
    },
    progress(text) {
      if (!json) process.stderr.write(`${text}\n`);
    },
  };
}

/** Asks yes/no on a terminal; without one (CI, pipes) the answer must come as --yes. */
export async function confirm(question, { yes, what }) {
  if (yes) return;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new CliError(`Not confirmed: ${what}. Run again with --yes to go ahead.`, EXIT.unconfirmed);
  }
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await readline.question(`${question} [y/N] `);
  readline.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("Cancelled: nothing was changed.", EXIT.unconfirmed);
}

export function printError(error, { json }) {
  const exitCode = error instanceof CliError ? error.exitCode : EXIT.failure;
  const message = error instanceof CliError ? error.message : `Unexpected error: ${error?.message ?? error}`;
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, exitCode, error: { message, ...(error?.details ?? {}) } }, null, 2)}\n`);
  } else {
    process.stderr.write(`error: ${message}\n`);
    for (const problem of error?.details?.files ?? []) {
      process.stderr.write(`  ${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}\n`);
    }
  }
  return exitCode;
}
