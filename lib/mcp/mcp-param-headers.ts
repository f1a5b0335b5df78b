// SEP-2243 `Mcp-Param-{Name}` headers (2026-07-28 Streamable HTTP, "Schema Extension"): a tool's
// inputSchema may mark primitive properties with `x-mcp-header: "Name"`; a 2026-07-28 client then
// mirrors those arguments into `Mcp-Param-Name` headers so proxies can route on them, and the
// server MUST reject a call whose headers are missing, malformed or disagree with the body with
// HTTP 400 / -32020 (HeaderMismatch).
//
// The SDK does this only for its McpServer (our schemas are user-authored JSON Schema served
// through the low-level Server), and does not export the helpers, so this is the same algorithm as
// `scanXMcpHeaderDeclarations` / `validateMcpParamHeaders` in @modelcontextprotocol/core 2.4.0.

export const HEADER_MISMATCH_ERROR_CODE = -32020;

type Declaration = { path: string[]; headerName: string; type: string | undefined };

/** A refusal: the message and the disagreeing pair, as the SDK's own -32020 answers carry them. */
export type McpParamMismatch = { message: string; data: { mismatch: { header: string; body: string } } };

/**
 * The `x-mcp-header` declarations of an inputSchema, following only chains of `properties` (the
 * only positions the specification allows). Declarations elsewhere, or with a name that is not an
 * RFC 9110 token, are not enforced (the SDK's client sends no header for them either).
 */
export function mcpParamDeclarations(inputSchema: unknown): Declaration[] {
  const declarations: Declaration[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (typeof node !== "object" || node === null) return;
    const schema = node as Record<string, unknown>;
    const header = schema["x-mcp-header"];
    if (path.length > 0 && typeof header === "string" && RFC9110_TOKEN.test(header)) {
      declarations.push({ path, headerName: header, type: typeof schema.type === "string" ? schema.type : undefined });
    }
    const properties = schema.properties;
    if (typeof properties === "object" && properties !== null) {
      for (const [key, child] of Object.entries(properties)) visit(child, [...path, key]);
    }
  };
  visit(inputSchema, []);
  return declarations;
}

const RFC9110_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BASE64_SENTINEL_PREFIX = "=?base64?";
const BASE64_SENTINEL_SUFFIX = "?=";
const BASE64_CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const CANONICAL_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * For each declaration whose argument has a value: the header must be present and decode (plain,
 * or `=?base64?…?=` UTF-8) to the same value; numbers compare numerically. A null or absent
 * argument expects no header. Returns the first mismatch, or null.
 */
export function checkMcpParamHeaders(inputSchema: unknown, args: Record<string, unknown>, headers: Headers): McpParamMismatch | null {
  for (const declaration of mcpParamDeclarations(inputSchema)) {
    const headerKey = `Mcp-Param-${declaration.headerName}`;
    const bodyValue = valueAtPath(args, declaration.path);
    if (bodyValue === undefined || bodyValue === null) continue;
    const bodyString = primitiveToString(bodyValue);
    if (bodyString === undefined) continue;
    const where = declaration.path.join(".");
    const headerValue = headers.get(headerKey);
    if (headerValue === null) {
      return mismatch(headerKey, `the body carries ${where}=${JSON.stringify(bodyValue)} but the ${headerKey} header is absent`);
    }
    const decoded = decodeHeaderValue(headerValue);
    if (decoded === undefined) return mismatch(headerKey, `the ${headerKey} header carries an invalid Base64 sentinel value`);
    const numeric = (declaration.type === "integer" || declaration.type === "number") && typeof bodyValue === "number";
    const equal = numeric && CANONICAL_DECIMAL.test(decoded) ? Number(decoded) === bodyValue : decoded === bodyString;
    if (!equal) {
      return mismatch(
        headerKey,
        `the ${headerKey} header decodes to ${JSON.stringify(decoded)} but the body carries ${where}=${JSON.stringify(bodyValue)}`,
      );
    }
  }
  return null;
}

function mismatch(header: string, body: string): McpParamMismatch {
  return { message: `Bad Request: the request headers and body disagree: ${body}`, data: { mismatch: { header, body } } };
}

function valueAtPath(root: unknown, path: string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function primitiveToString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return undefined;
    return String(value);
  }
  return undefined;
}

function decodeHeaderValue(value: string): string | undefined {
  if (!(value.startsWith(BASE64_SENTINEL_PREFIX) && value.endsWith(BASE64_SENTINEL_SUFFIX))) return value;
  const base64 = value.slice(BASE64_SENTINEL_PREFIX.length, value.length - BASE64_SENTINEL_SUFFIX.length);
  if (!BASE64_CANONICAL.test(base64)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(base64, "base64"));
  } catch {
    return undefined;
  }
}
