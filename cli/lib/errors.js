// Exit codes (documented in README "The atelier CLI" and `atelier help`): scripts and CI branch on them.
export const EXIT = {
  ok: 0,
  failure: 1, // unexpected failure: server error, network, bad local files
  usage: 2, // wrong arguments or no project chosen
  auth: 3, // not logged in, or the token was refused (401)
  denied: 4, // the role does not allow it (403) or no such organization/project (404)
  invalid: 5, // the server refused the content (422): validation errors per file
  unconfirmed: 6, // needed a confirmation that was not given (--yes)
  conflict: 7, // nothing to publish, a concurrent change, a name taken (409)
  testsFailed: 8, // atelier test: at least one test case failed
};

export class CliError extends Error {
  /** @param {string} message @param {number} exitCode @param {Record<string, unknown>} [details] */
  constructor(message, exitCode = EXIT.failure, details = undefined) {
    super(message);
    this.exitCode = exitCode;
    this.details = details;
  }
}

const BY_STATUS = {
  400: EXIT.usage,
  401: EXIT.auth,
  403: EXIT.denied,
  404: EXIT.denied,
  409: EXIT.conflict,
  413: EXIT.invalid,
  422: EXIT.invalid,
};

/** An API error response → a CliError with the exit code its status means. */
export function apiError(status, body) {
  const error = body?.error;
  const message = error?.message ?? `The server answered HTTP ${status}`;
  return new CliError(message, BY_STATUS[status] ?? EXIT.failure, { status, code: error?.code ?? null, ...(error?.details ?? {}) });
}
