// Very short values ("on", "123") would shred ordinary log text, and are not worth hiding.
const MIN_SECRET_LENGTH = 4;
const REDACTED = "[redacted]";

/** Replaces every occurrence of a secret value (length ≥ 4) in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: Record<string, string>): string {
  // Longest first, so a secret that contains another is removed whole rather than partly.
  const values = Object.values(secrets)
    .filter((value) => typeof value === "string" && value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  let redacted = text;
  for (const value of values) redacted = redacted.split(value).join(REDACTED);
  return redacted;
}

export function longestSecretLength(secrets: Record<string, string>): number {
  return Math.max(0, ...Object.values(secrets).map((value) => String(value).length));
}
