// Secret values are taken out of what a handler's run leaves behind: its console output and its
// error message (the execution record, the test panel, the Executions page). What is promised,
// exactly (README "Secrets"):
//
// - Each secret value of at least 4 characters is replaced by `[redacted]` wherever it appears,
//   also when written with whitespace between its characters ("s k - 1 2 3"), in another letter
//   case, reversed, or encoded as base64 / base64url (alone or inside a longer base64 text such
//   as a Basic auth header), hex, URL-encoding or JSON string escaping.
// - It is a guard against accidents (a debug `console.log(env)`), not a boundary: a handler can
//   always transform a secret some other way (every other character, XOR, sending it out with
//   `fetch`, returning it as the tool's result, which is never redacted). Whoever may edit a
//   handler can read the project's secrets.
//
// Overlapping matches of different secrets or encodings are merged and removed whole.

// Very short values ("on", "123") would shred ordinary log text, and are not worth hiding.
const MIN_SECRET_LENGTH = 4;
// A base64 fragment shorter than this could turn up by chance in unrelated base64 text.
const MIN_BASE64_CORE_LENGTH = 8;
const REDACTED = "[redacted]";
// Between the characters of a spaced-out secret: whitespace and invisible separators.
const SEPARATORS = "[\\s\\u200b-\\u200d\\u2060\\ufeff]*";

type Redactor = { pattern: RegExp | null; longestLiteral: number };
const redactors = new WeakMap<Record<string, string>, Redactor>();

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** The characters of `value` (code points, whitespace dropped) matched with any whitespace between them. */
function spaced(characters: string[]): string | null {
  const visible = characters.filter((character) => !/\s/u.test(character));
  return visible.length >= MIN_SECRET_LENGTH ? visible.map(escapeRegExp).join(SEPARATORS) : null;
}

/**
 * The parts of base64(… + value + …) that depend on `value` alone, for each of the three byte
 * alignments it can have inside a longer text, in both alphabets.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms = new Set<string>();
  const whole = bytes.toString("base64");
  forms.add(whole).add(whole.replace(/=+$/, ""));
  for (let skip = 0; skip < 3 && skip < bytes.length; skip++) {
    const rest = bytes.subarray(skip);
    const core = rest.toString("base64").slice(0, Math.floor(rest.length / 3) * 4);
    if (core.length >= MIN_BASE64_CORE_LENGTH) forms.add(core);
  }
  const all = [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
  return [...all, ...all.map((form) => form.replace(/\+/g, "-").replace(/\//g, "_"))];
}

/** Encodings matched as they are (hex letters in either case, through the pattern's `i` flag). */
function literalForms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms = [...base64Forms(bytes), bytes.toString("hex"), encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  return [...new Set(forms)].filter((form) => form !== value && form.length >= MIN_SECRET_LENGTH);
}

function buildRedactor(secrets: Record<string, string>): Redactor {
  // Longest first: where two secrets match at the same place, the longer one is the one removed.
  const values = Object.values(secrets)
    .filter((value): value is string => typeof value === "string" && value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  const alternatives: string[] = [];
  let longestLiteral = 0;
  for (const value of values) {
    const characters = Array.from(value);
    for (const form of [spaced(characters), spaced([...characters].reverse())]) if (form) alternatives.push(form);
    for (const form of literalForms(value)) {
      alternatives.push(escapeRegExp(form));
      longestLiteral = Math.max(longestLiteral, form.length);
    }
    longestLiteral = Math.max(longestLiteral, value.length);
  }
  return { pattern: alternatives.length > 0 ? new RegExp(alternatives.join("|"), "giu") : null, longestLiteral };
}

function redactorFor(secrets: Record<string, string>): Redactor {
  let redactor = redactors.get(secrets);
  if (!redactor) {
    redactor = buildRedactor(secrets);
    redactors.set(secrets, redactor);
  }
  return redactor;
}

/** Replaces every occurrence of a secret value (length ≥ 4), or of a trivially transformed form of it, with `[redacted]`. */
export function redactSecrets(text: string, secrets: Record<string, string>): string {
  const { pattern } = redactorFor(secrets);
  if (!pattern) return text;
  // Every match, overlapping ones included (a match is retried from its next character), merged.
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + Math.max(1, match[0].length);
    const last = spans.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
    pattern.lastIndex = start + 1;
  }
  if (spans.length === 0) return text;
  let redacted = "";
  let from = 0;
  for (const [start, end] of spans) {
    redacted += text.slice(from, start) + REDACTED;
    from = end;
  }
  return redacted + text.slice(from);
}

/**
 * How many trailing characters can hold the start of a secret in one of its matched forms; a
 * message cut short keeps the start of a secret the pattern cannot recognise, so the caller drops
 * this many characters from a cut message. (A spaced-out secret can be longer: its cut start may stay.)
 */
export function longestSecretLength(secrets: Record<string, string>): number {
  return redactorFor(secrets).longestLiteral;
}
