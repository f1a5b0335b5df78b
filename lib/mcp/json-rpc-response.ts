// Transport-level refusals (403 origin, 413 size, 401 auth, 429 rate limit, 500) answered as
// JSON-RPC errors, the shape MCP clients parse on any status. -32000 is the code the SDK uses for
// the same refusals. `id` is the request's id when it is known (it was read before refusing).
export function jsonRpcErrorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
  id: string | number | null = null,
  code = -32000,
  data?: unknown,
): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code, message, ...(data === undefined ? {} : { data }) }, id },
    { status, headers: { ...headers, "Content-Type": "application/json" } },
  );
}

/** The `id` of a single JSON-RPC request body, or null (unparseable, a notification, a batch). */
export function requestIdOf(body: string): string | number | null {
  try {
    const message: unknown = JSON.parse(body);
    if (typeof message !== "object" || message === null || Array.isArray(message)) return null;
    const { id } = message as { id?: unknown };
    return typeof id === "string" || typeof id === "number" ? id : null;
  } catch {
    return null;
  }
}

/**
 * A JSON-RPC error answered with `"id": null` (a guard that refused before parsing, or the SDK's
 * transport refusing a header) gets the request's id when the body had a readable one, as JSON-RPC
 * requires. `readId` runs only for such answers, so successful requests never parse twice.
 */
export async function withRequestId(response: Response, readId: () => Promise<string | number | null>): Promise<Response> {
  if (response.status < 400 || !response.headers.get("content-type")?.startsWith("application/json")) return response;
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  const isNullIdError = typeof answer === "object" && answer !== null && "error" in answer && (answer as { id?: unknown }).id === null;
  const id = isNullIdError ? await readId() : null;
  const body = id === null ? text : JSON.stringify({ ...(answer as object), id });
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
