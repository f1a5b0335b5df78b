// Where the CLI keeps its origin, token and chosen project: $XDG_CONFIG_HOME/atelier/config.json
// (~/.config/atelier on Linux and macOS, %APPDATA%\atelier on Windows), mode 0600 — it holds a
// personal API token. ATELIER_URL, ATELIER_TOKEN and ATELIER_PROJECT (org/project) override it.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError, EXIT } from "./errors.js";

export function configPath() {
  const base =
    process.env.XDG_CONFIG_HOME ||
    (process.platform === "win32" ? process.env.APPDATA || join(homedir(), "AppData", "Roaming") : join(homedir(), ".config"));
  return join(base, "atelier", "config.json");
}

export async function readConfig() {
  try {
    return JSON.parse(await readFile(configPath(), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw new CliError(`Cannot read ${configPath()}: ${error.message}`, EXIT.failure);
  }
}

export async function writeConfig(config) {
  const path = configPath();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(path, 0o600);
  return path;
}

/** The effective settings: environment over file. */
export async function loadSettings() {
  const config = await readConfig();
  return {
    origin: (process.env.ATELIER_URL || config.origin || "").replace(/\/+$/, ""),
    token: process.env.ATELIER_TOKEN || config.token || "",
    project: process.env.ATELIER_PROJECT || config.project || "",
    config,
  };
}

/** `org/project` → { org, project }; a usage error otherwise. */
export function parseProjectRef(ref) {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(ref ?? "");
  if (!match) throw new CliError(`Expected <org>/<project>, got "${ref ?? ""}"`, EXIT.usage);
  return { org: match[1], project: match[2] };
}
