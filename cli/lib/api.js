// The admin REST API (/app/v1) with a personal API token: the only thing the CLI talks to.
import { CliError, EXIT, apiError } from "./errors.js";
import { loadSettings, parseProjectRef } from "./config.js";

export class Api {
  constructor({ origin, token }) {
    if (!origin) throw new CliError("Not logged in: run `atelier login` (or set ATELIER_URL and ATELIER_TOKEN)", EXIT.auth);
    if (!token) throw new CliError("No API token: run `atelier login` (or set ATELIER_TOKEN)", EXIT.auth);
    this.origin = origin;
    this.token = token;
  }

  async request(method, path, body) {
    let response;
    try {
      response = await fetch(`${this.origin}/app/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: "application/json",
          "User-Agent": "atelier-cli",
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new CliError(`Cannot reach ${this.origin}: ${error.cause?.message ?? error.message}`, EXIT.failure);
    }
    const text = await response.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new CliError(`${this.origin} did not answer with JSON (HTTP ${response.status}); is it an Atelier server?`, EXIT.failure);
    }
    if (!response.ok) throw apiError(response.status, parsed);
    return parsed;
  }

  get(path) {
    return this.request("GET", path);
  }
  post(path, body) {
    return this.request("POST", path, body ?? {});
  }
}

/** The API client and the chosen project (`atelier use`, ATELIER_PROJECT or --project). */
export async function projectContext(options = {}) {
  const settings = await loadSettings();
  const api = new Api(settings);
  const ref = options.project || settings.project;
  if (!ref) throw new CliError("No project chosen: run `atelier use <org>/<project>` or pass --project <org>/<project>", EXIT.usage);
  const { org, project } = parseProjectRef(ref);
  const base = `/organizations/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}`;
  return { api, org, project, base, origin: settings.origin };
}
