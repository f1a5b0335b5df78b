// The version field's rule, checked in the browser to answer at once (the server checks it again):
// plain MAJOR.MINOR.PATCH, at least the minimum the changes call for.
import semver from "semver";
import type { VersionBump } from "@/lib/hooks/api-types";

const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The problem with a typed version, or null when it can be published. */
export function versionError(version: string, minimumVersion: string): string | null {
  const trimmed = version.trim();
  if (!trimmed) return "Version is required";
  if (!PLAIN_VERSION.test(trimmed)) return "Version must be MAJOR.MINOR.PATCH, like 1.4.0";
  if (semver.lt(trimmed, minimumVersion)) return `Version must be at least ${minimumVersion} for these changes`;
  return null;
}

const BUMP_REASONS: Record<VersionBump, string> = {
  major: "major — breaking changes",
  minor: "minor — new tools or new optional inputs",
  patch: "patch — changes that break nothing and add nothing",
};

/** Why the suggested version is what it is, e.g. "major — breaking changes". */
export function bumpLabel(bump: VersionBump | null): string {
  return bump ? BUMP_REASONS[bump] : "first version";
}
