import { MAX_LOG_ENTRIES, MAX_LOG_TRANSFER_CHARS } from "./limits";

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
    const cut = message.length > ${MAX_LOG_TRANSFER_CHARS};
    hostLog.applySync(undefined, [level, cut ? message.slice(0, ${MAX_LOG_TRANSFER_CHARS}) : message, cut]);
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
    const headers = init.headers ?? {};
    const request = {
      method: init.method,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      body: init.body,
    };
    const outcome = await hostFetch.apply(undefined, [String(input), request], {
      arguments: { copy: true },
      result: { promise: true, copy: true },
    });
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
