import { MAX_CONCURRENT_FETCHES_PER_CALL, MAX_FETCH_BODY_BYTES, MAX_LOG_ENTRIES, MAX_LOG_TRANSFER_CHARS } from "./limits";

/** Longest URL a handler's fetch may send (longer ones are refused in the isolate). */
export const MAX_FETCH_URL_CHARS = 8192;
/** Total characters of one fetch's header names and values. */
export const MAX_FETCH_HEADER_CHARS = 64 * 1024;
/** Most headers one fetch may send. */
export const MAX_FETCH_HEADERS = 100;
/** Longest method name a fetch may send. */
export const MAX_FETCH_METHOD_CHARS = 32;
// A JSON event (mcp.log, progress, an elicitation request) may be this long: its text is capped
// at MAX_LOG_TRANSFER_CHARS, and JSON escaping can double it.
const MAX_EVENT_JSON_CHARS = 2 * MAX_LOG_TRANSFER_CHARS + 1024;

/**
 * The isolate's border, first in the prelude (isolate-source.ts), so it runs before any handler
 * code. Everything that leaves the isolate — console output, \`mcp\` events, fetch requests, the
 * result — is copied into the sandbox worker's own heap, which every call on that worker shares;
 * so its size is checked here, with operations a handler cannot change (\`typeof\`, a string
 * primitive's length, built-ins captured before the handler ran). A handler that replaces
 * String.prototype.slice or JSON.stringify can break its own output, never send more than these
 * limits. Fetches cross at most MAX_CONCURRENT_FETCHES_PER_CALL at a time, with at most
 * MAX_FETCH_BODY_BYTES characters of request bodies between them; the others wait in the isolate,
 * in memory its own limit counts.
 */
export const ISOLATE_BOUNDARY_SOURCE = `
  const applyIntrinsic = Reflect.apply;
  const sliceIntrinsic = String.prototype.slice;
  const toText = String;
  const stringify = JSON.stringify;
  const ownKeys = Object.keys;
  const isArray = Array.isArray;
  const createObject = Object.create;
  const PromiseIntrinsic = Promise;
  const ErrorIntrinsic = Error;
  const cutString = (text, max) => (text.length > max ? applyIntrinsic(sliceIntrinsic, text, [0, max]) : text);

  const sendLog = (level, message, cut, json) => {
    const text = typeof message === "string" ? message : "[a log message that is not text]";
    const tooLong = text.length > ${MAX_LOG_TRANSFER_CHARS};
    return hostLog.applySync(undefined, [
      typeof level === "string" && level.length <= 16 ? level : "log",
      tooLong ? cutString(text, ${MAX_LOG_TRANSFER_CHARS}) : text,
      cut === true || tooLong,
      typeof json === "string" && json.length <= ${MAX_EVENT_JSON_CHARS} ? json : undefined,
    ]);
  };

  let fetchesCrossing = 0;
  let bodyCharsCrossing = 0;
  let fetchWaiters = [];
  const sendFetch = async (input, init) => {
    const url = toText(input);
    if (url.length > ${MAX_FETCH_URL_CHARS}) throw new ErrorIntrinsic("fetch: the URL is longer than ${MAX_FETCH_URL_CHARS} characters");
    const options = init ?? {};
    const method = options.method;
    if (method !== undefined && typeof method !== "string") throw new ErrorIntrinsic("fetch \`method\` must be a string");
    if (method !== undefined && method.length > ${MAX_FETCH_METHOD_CHARS}) throw new ErrorIntrinsic("fetch: the method is longer than ${MAX_FETCH_METHOD_CHARS} characters");
    const body = options.body;
    if (body !== undefined && body !== null && typeof body !== "string") {
      throw new ErrorIntrinsic("fetch \`body\` must be a string (use JSON.stringify for objects)");
    }
    const bodyChars = typeof body === "string" ? body.length : 0;
    if (bodyChars > ${MAX_FETCH_BODY_BYTES}) throw new ErrorIntrinsic("fetch: the request body is longer than ${MAX_FETCH_BODY_BYTES} characters");
    const given = options.headers ?? {};
    if (typeof given !== "object" || given === null || isArray(given)) throw new ErrorIntrinsic("fetch \`headers\` must be a plain object of strings");
    const headers = createObject(null);
    const names = ownKeys(given);
    let headerChars = 0;
    for (let index = 0; index < names.length; index++) {
      const name = toText(names[index]);
      const value = toText(given[name]);
      headerChars += name.length + value.length;
      if (index >= ${MAX_FETCH_HEADERS}) throw new ErrorIntrinsic("fetch: more than ${MAX_FETCH_HEADERS} request headers");
      if (headerChars > ${MAX_FETCH_HEADER_CHARS}) throw new ErrorIntrinsic("fetch: the request headers are longer than ${MAX_FETCH_HEADER_CHARS} characters in all");
      headers[name] = value;
    }
    while (fetchesCrossing >= ${MAX_CONCURRENT_FETCHES_PER_CALL} || (fetchesCrossing > 0 && bodyCharsCrossing + bodyChars > ${MAX_FETCH_BODY_BYTES})) {
      await new PromiseIntrinsic((resolve) => {
        fetchWaiters[fetchWaiters.length] = resolve;
      });
    }
    fetchesCrossing++;
    bodyCharsCrossing += bodyChars;
    try {
      return await hostFetch.apply(undefined, [url, { method, headers, body: body ?? undefined }], {
        arguments: { copy: true },
        result: { promise: true, copy: true },
      });
    } finally {
      fetchesCrossing--;
      bodyCharsCrossing -= bodyChars;
      const waiting = fetchWaiters;
      fetchWaiters = [];
      for (let index = 0; index < waiting.length; index++) waiting[index]();
    }
  };
`;

/**
 * Source, run inside the isolate, that installs `console` and `fetch` on the isolate's own
 * global. `hostLog` and `hostFetch` are ivm.References to host functions; they stay in this
 * closure, and the host re-checks everything they are given anyway.
 *
 * `console` uses applySync so entries reach the host in order and before the call settles (a
 * timed-out call keeps the logs written so far); the isolate runs on its own thread, so this
 * blocks only the handler, never the Node event loop.
 */
export const ISOLATE_GLOBALS_SOURCE = `
  const formatValue = (value) => {
    if (typeof value === "string") return value;
    try {
      if (value instanceof Error) return value.stack || String(value);
      if (typeof value === "function") return "[Function " + (value.name || "anonymous") + "]";
      if (typeof value === "bigint") return value + "n";
      if (typeof value === "symbol" || value === undefined) return String(value);
      const json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch {
      return "[unserialisable " + typeof value + "]";
    }
  };

  let logCalls = 0;
  const logger = (level) => (...args) => {
    // One call past the cap lets the host record that output was dropped.
    if (logCalls++ > ${MAX_LOG_ENTRIES}) return;
    const message = args.map(formatValue).join(" ");
    sendLog(level, message, false);
  };
  const console = Object.freeze({
    log: logger("log"), info: logger("info"), warn: logger("warn"), error: logger("error"), debug: logger("debug"),
  });

  const toResponse = (response) => {
    const headers = new Map(response.headers.map(([name, value]) => [name.toLowerCase(), value]));
    const body = response.body;
    return Object.freeze({
      ok: response.status >= 200 && response.status < 300,
      status: response.status,
      statusText: response.statusText,
      url: response.url,
      headers: Object.freeze({
        get: (name) => headers.get(String(name).toLowerCase()) ?? null,
        has: (name) => headers.has(String(name).toLowerCase()),
      }),
      text: async () => body,
      json: async () => JSON.parse(body),
    });
  };

  async function fetch(input, init = {}) {
    const outcome = await sendFetch(input, init);
    if (!outcome.ok) throw new Error(outcome.message);
    return toResponse(outcome);
  }

  const define = (name, value, writable) =>
    Object.defineProperty(globalThis, name, { value, writable, configurable: writable, enumerable: false });
  define("console", console, true);
  define("fetch", fetch, true);
  define("mcp", mcp, false);
  // WebAssembly memory is allocated outside the isolate's heap, where its memory limit cannot
  // see it (a 16 MB tool could take gigabytes), so WebAssembly is not available in handlers.
  delete globalThis.WebAssembly;
`;
