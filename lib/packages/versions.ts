// Package versions: plain MAJOR.MINOR.PATCH semver. The suggestion follows what changed (major on
// breaking, minor on new tools or new optional inputs, patch otherwise); the user may go higher,
// never lower, and a version is never reused — not even one that production rolled back from.
import semver from "semver";
import { AppError, conflict } from "@/lib/errors";

export type VersionBump = "major" | "minor" | "patch";

export const FIRST_VERSION = "1.0.0";
const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function versionBump(changes: { breaking: boolean; toolsAdded: boolean; optionalInputsAdded: boolean }): VersionBump {
  if (changes.breaking) return "major";
  if (changes.toolsAdded || changes.optionalInputsAdded) return "minor";
  return "patch";
}

export function highestVersion(published: string[]): string | null {
  return published.length ? semver.rsort([...published])[0] : null;
}

/**
 * The bump applied to the production version; after a rollback that version may already exist
 * (or be below one that does), so the bump then applies to the highest version ever published.
 * Publishing needs at least this version: it is also the minimum the server accepts.
 */
export function suggestVersion(options: { current: string | null; bump: VersionBump; published: string[] }): string {
  const highest = highestVersion(options.published);
  const candidate = options.current ? semver.inc(options.current, options.bump)! : FIRST_VERSION;
  return highest && !semver.gt(candidate, highest) ? semver.inc(highest, options.bump)! : candidate;
}

/** The version to publish: the requested one when it is allowed, else the suggestion. */
export function resolvePublishVersion(options: { requested?: string; minimum: string; published: string[] }): string {
  if (options.requested === undefined) return options.minimum;
  const requested = options.requested.trim();
  if (!PLAIN_VERSION.test(requested)) {
    throw new AppError("validation_failed", "version: must be MAJOR.MINOR.PATCH, like 1.4.0", { field: "version" });
  }
  if (options.published.some((version) => semver.eq(version, requested))) {
    throw conflict(
      `Version ${requested} was already published; versions are never reused, even after a rollback. Use ${options.minimum} or higher.`,
    );
  }
  if (semver.lt(requested, options.minimum)) {
    throw new AppError("validation_failed", `version: must be at least ${options.minimum} for these changes`, {
      field: "version",
      minimumVersion: options.minimum,
    });
  }
  return requested;
}
