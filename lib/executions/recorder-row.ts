// One tools/call → one Execution row (SPEC §9). Built at flush time, off the request: hashing and
// serializing cost nothing on the hot path.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { McpCaller, McpEnvironment, ToolCallRecord } from "@/lib/mcp/types";
import type { LogEntry } from "@/lib/sandbox/types";
import { canonicalJsonText, sha256Hex } from "./hash";

/** What the endpoint knows about every call it serves (the record carries the rest). */
export type ExecutionSource = {
  projectId: string;
  organizationId: string;
  environment: McpEnvironment;
  /** The package version production served; null on the draft endpoint. */
  packageVersion: string | null;
  caller: McpCaller;
  clientIp: string | null;
};

/**
 * Input and output are kept for the detail view up to this size (canonical JSON, UTF-8 bytes);
 * a larger value is stored as a marker with its size and a preview cut to this size. The hash is
 * always over the whole value.
 */
export const MAX_STORED_JSON_BYTES = 64 * 1024;
/** Console output kept per call, in characters over all messages. */
export const MAX_STORED_LOG_CHARS = 64 * 1024;
const MAX_LABEL_CHARS = 200;

export type TruncatedJson = { $truncated: true; bytes: number; preview: string; reason?: string };

/** Every column, id and time included: rows are inserted by column name (recorder.ts). */
export type ExecutionRow = Prisma.ExecutionCreateManyInput & { id: string; createdAt: Date };

/** `userLabels`: OAuth users' labels by id, loaded once per batch. */
export function executionRow(source: ExecutionSource, record: ToolCallRecord, userLabels: ReadonlyMap<string, string>): ExecutionRow {
  const input = storedJson(record.arguments ?? {});
  const output = record.output === undefined ? null : storedJson(record.output);
  const caller = describeCaller(source.caller, userLabels);
  return {
    id: randomUUID(),
    organizationId: source.organizationId,
    projectId: source.projectId,
    toolName: cut(record.toolName),
    environment: source.environment === "draft" ? "DRAFT" : "PRODUCTION",
    packageVersion: source.packageVersion,
    status: record.status === "success" ? "SUCCESS" : "ERROR",
    errorType: record.errorType ?? null,
    errorCode: record.errorCode ?? null,
    durationMs: Math.max(0, Math.round(record.durationMs)),
    inputSha256: input.sha256,
    outputSha256: output?.sha256 ?? null,
    input: input.stored,
    ...(output ? { output: output.stored } : {}),
    logs: storedLogs(record.logs),
    clientName: record.client ? cut(record.client.name) : null,
    clientVersion: record.client?.version ? cut(record.client.version) : null,
    callerKind: caller.kind,
    callerId: caller.id,
    callerLabel: caller.label,
    ip: source.clientIp,
    createdAt: record.startedAt ?? new Date(),
  };
}

/** Values nested deeper than this are stored as a marker: PostgreSQL's parser (and ours) recurse. */
export const MAX_STORED_JSON_DEPTH = 100;

function storedJson(value: unknown): { sha256: string; stored: Prisma.InputJsonValue } {
  if (nestingDepth(value) > MAX_STORED_JSON_DEPTH) return tooDeep(value);
  const text = canonicalJsonText(value);
  const sha256 = sha256Hex(text);
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_STORED_JSON_BYTES) return { sha256, stored: JSON.parse(storable(text)) as Prisma.InputJsonValue };
  const truncated: TruncatedJson = { $truncated: true, bytes, preview: storable(cutToBytes(text, MAX_STORED_JSON_BYTES)) };
  return { sha256, stored: truncated };
}

// Kept as a marker with a shallow preview; the hash is over the whole value when it can be computed.
function tooDeep(value: unknown): { sha256: string; stored: Prisma.InputJsonValue } {
  let text = "";
  try {
    text = canonicalJsonText(value);
  } catch {
    // Deeper than the JavaScript stack: nothing can serialize it whole.
  }
  const preview = storable(JSON.stringify(value, depthLimitedReplacer())?.slice(0, 1024) ?? "null");
  const truncated: TruncatedJson = {
    $truncated: true,
    bytes: Buffer.byteLength(text),
    preview,
    reason: `nested deeper than ${MAX_STORED_JSON_DEPTH} levels`,
  };
  return { sha256: sha256Hex(text), stored: truncated };
}

/**
 * PostgreSQL's jsonb and text refuse U+0000 and lone UTF-16 surrogates (which JSON.stringify
 * writes as \ud800…), and one such value would fail the whole batch of records it is written
 * with: the stored copy shows U+FFFD instead (the hash keeps the original). In JSON text an
 * escape is one preceded by an even number of backslashes; raw characters are replaced too.
 */
export function storable(json: string): string {
  return json
    .replace(/(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi, "$1\\ufffd")
    .replaceAll("\u0000", "\ufffd")
    .replace(LONE_SURROGATE, "\ufffd");
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` as PostgreSQL's text and jsonb accept it: no U+0000, no lone surrogate. */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").replace(LONE_SURROGATE, "\ufffd");
}

/** Depth of nested arrays and objects, counted without recursion (the value may be hostile). */
export function nestingDepth(value: unknown, stopAt = MAX_STORED_JSON_DEPTH + 1): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest >= stopAt) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

// For the preview of a too-deep value: the first levels, then "…".
function depthLimitedReplacer() {
  const depths = new WeakMap<object, number>();
  return function (this: unknown, _key: string, value: unknown) {
    const parentDepth = typeof this === "object" && this !== null ? (depths.get(this) ?? 0) : 0;
    if (typeof value !== "object" || value === null) return value;
    if (parentDepth >= 8) return "…";
    depths.set(value, parentDepth + 1);
    return value;
  };
}

function storedLogs(logs: LogEntry[]): Prisma.InputJsonValue {
  const kept: LogEntry[] = [];
  let chars = 0;
  for (const [index, entry] of logs.entries()) {
    if (chars + entry.message.length > MAX_STORED_LOG_CHARS) {
      kept.push({ level: "warn", message: `[${logs.length - index} more console entries not kept in the execution record]`, at: entry.at });
      break;
    }
    chars += entry.message.length;
    kept.push({ level: entry.level, message: storableText(entry.message), at: entry.at });
  }
  return kept;
}

/** callerKind / callerId / callerLabel: the token's name, "<client> for <user>" for OAuth, "anonymous". */
export function describeCaller(caller: McpCaller, userLabels: ReadonlyMap<string, string>) {
  switch (caller.kind) {
    case "anonymous":
      return { kind: caller.kind, id: null, label: "anonymous" };
    case "draft_token":
      return { kind: caller.kind, id: null, label: "Draft token" };
    case "production_token":
      return { kind: caller.kind, id: caller.tokenId, label: cut(caller.name) };
    case "oauth":
      return {
        kind: caller.kind,
        id: caller.grantId,
        label: cut(`${caller.clientName} for ${userLabels.get(caller.userId) ?? "a deleted user"}`),
      };
    case "test_panel":
      return {
        kind: caller.kind,
        id: caller.userId,
        label: cut(`Atelier test panel for ${userLabels.get(caller.userId) ?? "a deleted user"}`),
      };
  }
}

const cut = (text: string) => storableText(text.length > MAX_LABEL_CHARS ? text.slice(0, MAX_LABEL_CHARS) : text);

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text).subarray(0, maxBytes);
  return bytes.toString("utf8").replace(/\uFFFD$/, "");
}
