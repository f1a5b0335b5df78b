/**
 * # Returning MCP content from a Data Tool
 *
 * By default a handler's return value is the tool's structured output: it must be
 * JSON-serialisable and at most 1 MB once serialised. To answer with MCP content blocks (text,
 * images, audio, embedded resources) instead, build them with the global `mcp` helper and return
 * `mcp.result(...)`:
 *
 * ```js
 * async (props, env) => {
 *   const response = await fetch(`https://api.example.com/charts/${props.id}`);
 *   const chart = await response.json();
 *   return mcp.result({
 *     content: [
 *       mcp.text(`Chart ${chart.title}`),
 *       mcp.image(chart.pngBase64, "image/png"),
 *       mcp.resource({ uri: chart.url, mimeType: "text/csv", text: chart.csv }),
 *     ],
 *     structuredContent: { title: chart.title }, // optional
 *   });
 * }
 * ```
 *
 * - `mcp.text(text)` – a text block.
 * - `mcp.image(base64, mimeType)` / `mcp.audio(base64, mimeType)` – binary data as base64.
 * - `mcp.resource({ uri, mimeType?, text })` or `({ uri, mimeType?, blob })` – an embedded
 *   resource with either text or base64 `blob`.
 * - `mcp.result({ content, structuredContent? })` – what the handler returns. `structuredContent`
 *   becomes the tool's structured output (or `null` when omitted).
 *
 * ## Talking to the client while the handler runs
 *
 * - `mcp.log(level, data)` – a log message for the client (`notifications/message`), level one
 *   of debug, info, notice, warning, error, critical, alert, emergency. It is sent when the
 *   client asked for that level or a lower one (2026-07-28: the request's log level, none means
 *   no messages; 2025 era: every level, since a stateless server cannot remember a
 *   `logging/setLevel` from another request), and is always kept in the execution record's logs.
 * - `mcp.progress(progress, total?, message?)` – `notifications/progress`, sent when the request
 *   carried a progress token (otherwise only recorded). `progress` should increase on each call.
 *
 * ## Asking the client (2026-07-28 clients)
 *
 * - `await mcp.elicit({ message, requestedSchema })` – asks the user through the client's form
 *   (`elicitation/create`); resolves with `{ action: "accept" | "decline" | "cancel", content? }`.
 * - `await mcp.sample({ messages, maxTokens, … })` – asks the client's model
 *   (`sampling/createMessage`); resolves with its `{ role, content, model, stopReason }`.
 *
 * The server is stateless, so asking works by running the handler again: the first run stops at
 * the first question without an answer, the client gets an input-required result, answers, and
 * calls again with the answers; the handler then runs from the start and each `mcp.elicit` /
 * `mcp.sample` returns the answer given for it, matched by its key: `{ key: "confirm" }` as a
 * second argument, else its place in the run (elicit-1, sample-2, …).
 * So a handler must ask the same questions in the same order on every run, must not catch the
 * rejection that stops it, and should not do side effects (writes, payments) before its last
 * question — they would happen on every run. 2025-era clients and clients that did not declare
 * the elicitation / sampling capability get an error result instead.
 *
 * The blocks are checked after the handler returns; a malformed block fails the call with a
 * message naming the block. The 1 MB limit applies to the whole result, blocks included.
 */
import { MAX_LOG_ENTRIES, MAX_LOG_TRANSFER_CHARS } from "./limits";
import { type ContentBlock, MCP_LOG_LEVELS } from "./types";

// Runs inside the isolate. The WeakSet lets the runner recognise a value produced by
// `mcp.result` without a magic property that ordinary output could collide with.
export const MCP_HELPER_SOURCE = `
  const mcpResults = new WeakSet();
  const mcp = Object.freeze({
    text: (text) => ({ type: "text", text }),
    image: (data, mimeType) => ({ type: "image", data, mimeType }),
    audio: (data, mimeType) => ({ type: "audio", data, mimeType }),
    resource: (resource) => ({ type: "resource", resource }),
    result: (result) => {
      const value = { content: result?.content, structuredContent: result?.structuredContent };
      mcpResults.add(value);
      return value;
    },
    log: (level, data) => {
      if (!MCP_LOG_LEVELS.includes(level)) throw new TypeError("mcp.log: level must be one of " + MCP_LOG_LEVELS.join(", "));
      const text = formatValue(data);
      let json;
      try {
        json = JSON.stringify({ kind: "log", level, data: data === undefined ? null : data });
      } catch {
        json = undefined;
      }
      if (json === undefined || json.length > ${MAX_LOG_TRANSFER_CHARS}) json = JSON.stringify({ kind: "log", level, data: text.slice(0, ${MAX_LOG_TRANSFER_CHARS}) });
      mcpEvent(MCP_CONSOLE_LEVEL[level], "[" + level + "] " + text, json);
    },
    progress: (progress, total, message) => {
      if (typeof progress !== "number" || !Number.isFinite(progress)) throw new TypeError("mcp.progress: progress must be a finite number");
      if (total !== undefined && (typeof total !== "number" || !Number.isFinite(total))) throw new TypeError("mcp.progress: total must be a finite number");
      if (message !== undefined && typeof message !== "string") throw new TypeError("mcp.progress: message must be a string");
      const text = "[progress] " + progress + (total === undefined ? "" : "/" + total) + (message ? " " + message : "");
      mcpEvent("info", text, JSON.stringify({ kind: "progress", progress, total, message: message === undefined ? undefined : message.slice(0, ${MAX_LOG_TRANSFER_CHARS}) }));
    },
    // Resolves with the client's answer when this call already carries it; otherwise the handler
    // is stopped here and the client is asked (an input-required result), then the handler runs
    // again from the start with the answers. Do not catch the rejection.
    elicit: (params, options) => mcpInput("elicitation/create", "elicit-", params, options),
    sample: (params, options) => mcpInput("sampling/createMessage", "sample-", params, options),
  });
  let mcpInputs = 0;
  class McpInputRequired extends Error {}
  const mcpInput = (method, prefix, params, options) => {
    mcpInputs++;
    const key = options?.key === undefined ? prefix + mcpInputs : options.key;
    if (typeof key !== "string" || !/^[A-Za-z0-9_.-]{1,64}$/.test(key)) {
      return Promise.reject(new TypeError(method + ": options.key must be 1 to 64 letters, digits, _ . or -"));
    }
    let json;
    try {
      json = JSON.stringify({ kind: "input", method, key, params: params ?? {} });
    } catch {
      return Promise.reject(new TypeError(method + ": the request is not JSON-serialisable"));
    }
    if (json === undefined || json.length > ${MAX_LOG_TRANSFER_CHARS}) {
      return Promise.reject(new TypeError(method + ": the request is larger than ${MAX_LOG_TRANSFER_CHARS} characters"));
    }
    const answer = sendLog("info", "[" + method + "] " + key, false, json);
    if (typeof answer === "string") return Promise.resolve(JSON.parse(answer));
    const error = new McpInputRequired(key + " is waiting for the client's answer");
    error.name = "McpInputRequired";
    return Promise.reject(error);
  };
  const MCP_LOG_LEVELS = ${JSON.stringify(MCP_LOG_LEVELS)};
  const MCP_CONSOLE_LEVEL = { debug: "debug", info: "info", notice: "info", warning: "warn", error: "error", critical: "error", alert: "error", emergency: "error" };
  // Through the console's channel (isolate-globals.ts): same cap, same redaction, same record.
  const mcpEvent = (consoleLevel, text, json) => {
    if (logCalls++ > ${MAX_LOG_ENTRIES}) return;
    sendLog(consoleLevel, text, false, json);
  };
  const isMcpResult = (value) => mcpResults.has(value);
`;

export class InvalidContentError extends Error {}

/** Validates what `mcp.result` produced, after its JSON round trip out of the isolate. */
export function readContentResult(value: unknown): { content: ContentBlock[]; output: unknown } {
  const { content, structuredContent } = (value ?? {}) as { content?: unknown; structuredContent?: unknown };
  if (!Array.isArray(content)) {
    throw new InvalidContentError("mcp.result needs `content` to be an array of content blocks");
  }
  return { content: content.map(readBlock), output: structuredContent ?? null };
}

function readBlock(block: unknown, index: number): ContentBlock {
  const fields = (block ?? {}) as Record<string, unknown>;
  const invalid = (problem: string) => new InvalidContentError(`Content block ${index + 1} is invalid: ${problem}`);
  switch (fields.type) {
    case "text":
      if (!isString(fields.text)) throw invalid("a text block needs a string `text`");
      return { type: "text", text: fields.text };
    case "image":
    case "audio":
      if (!isString(fields.data) || !isString(fields.mimeType)) {
        throw invalid(`an ${fields.type} block needs base64 \`data\` and a \`mimeType\` string`);
      }
      return { type: fields.type, data: fields.data, mimeType: fields.mimeType };
    case "resource":
      return { type: "resource", resource: readResource(fields.resource, invalid) };
    default:
      throw invalid("`type` must be one of text, image, audio, resource");
  }
}

function readResource(value: unknown, invalid: (problem: string) => Error) {
  const { uri, mimeType, text, blob } = (value ?? {}) as Record<string, unknown>;
  if (!isString(uri)) throw invalid("a resource needs a string `uri`");
  if (mimeType !== undefined && !isString(mimeType)) throw invalid("a resource `mimeType` must be a string");
  if (isString(text) === isString(blob) || (text !== undefined && blob !== undefined)) {
    throw invalid("a resource needs exactly one of `text` or base64 `blob` as a string");
  }
  const base = mimeType === undefined ? { uri } : { uri, mimeType };
  return isString(text) ? { ...base, text } : { ...base, blob: blob as string };
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
