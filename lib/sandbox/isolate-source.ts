import { NOT_A_FUNCTION_MESSAGE, wrapHandlerSource } from "./check-handler-syntax";
import { MCP_HELPER_SOURCE } from "./content-helper";
import { ISOLATE_BOUNDARY_SOURCE, ISOLATE_GLOBALS_SOURCE } from "./isolate-globals";
import { MAX_ERROR_MESSAGE_CHARS, MAX_ERROR_STACK_CHARS, MAX_OUTPUT_BYTES } from "./limits";

/** What the isolate hands back when the handler settles (copied out as plain data). */
export type IsolateOutcome =
  | { kind: "output" | "content"; json: string }
  | { kind: "too_large" }
  | { kind: "error"; message: string; stack?: string };

// Everything runs from one evalClosure (one compile) with the arguments
// $0 props, $1 env, $2 host log Reference, $3 host fetch Reference.
// Serialising inside the isolate means oversized output is caught before it is copied out.
const PRELUDE = `const runHandler = (function (props, env, hostLog, hostFetch) {
  "use strict";
  ${ISOLATE_BOUNDARY_SOURCE}
  ${MCP_HELPER_SOURCE}
  ${ISOLATE_GLOBALS_SOURCE}

  // Cut inside the isolate, like outputs: a 60 MB message is never copied out to the host.
  const cutText = (text, max) => (text.length > max ? cutString(text, max) + "… [truncated: longer than " + max + " characters]" : text);
  const describeError = (error) => {
    try {
      if (error instanceof Error) {
        const name = toText(error.name);
        const named = name && name !== "Error";
        const message = cutText(named ? cutString(name, 200) + ": " + toText(error.message) : toText(error.message), ${MAX_ERROR_MESSAGE_CHARS});
        const stack = typeof error.stack === "string" ? cutText(error.stack, ${MAX_ERROR_STACK_CHARS}) : undefined;
        return { kind: "error", message, stack };
      }
      return { kind: "error", message: cutText("Uncaught " + formatValue(error), ${MAX_ERROR_MESSAGE_CHARS}) };
    } catch {
      return { kind: "error", message: "The handler threw a value that cannot be described" };
    }
  };

  const encode = (value) => {
    if (typeof value === "function" || typeof value === "symbol") {
      return { kind: "error", message: "The handler returned a " + typeof value + "; return JSON-serialisable data instead" };
    }
    let json;
    try {
      json = stringify(value === undefined ? null : value) ?? "null";
    } catch (error) {
      return { kind: "error", message: "The handler's return value is not JSON-serialisable: " + describeError(error).message };
    }
    if (typeof json !== "string") return { kind: "error", message: "The handler's return value is not JSON-serialisable" };
    // A string's UTF-8 size is at least its length, so this check never lets too much through.
    if (json.length > ${MAX_OUTPUT_BYTES}) return { kind: "too_large" };
    return { kind: isMcpResult(value) ? "content" : "output", json };
  };

  return async (defineHandler) => {
    let handler;
    try {
      handler = defineHandler();
    } catch (error) {
      return describeError(error);
    }
    if (typeof handler !== "function") return { kind: "error", message: ${JSON.stringify(NOT_A_FUNCTION_MESSAGE)} };
    let value;
    try {
      value = await handler(props, env);
    } catch (error) {
      return describeError(error);
    }
    return encode(value);
  };
})($0, $1, $2, $3);
// The inner function hides the closure's arguments ($0…, arguments) from the handler; it is called
// inside runHandler's try, so an error thrown while defining the handler is capped like any other.
return runHandler(() => (function ($0, $1, $2, $3) { return `;

export const HANDLER_FILENAME = "handler.js";

/** Line of the assembled source on which the user's code starts (1-based). */
export const HANDLER_FIRST_LINE = PRELUDE.split("\n").length + 1;

export function buildIsolateSource(code: string): string {
  return `${PRELUDE}${wrapHandlerSource(code)}; })());`;
}
