// Transport-level refusals (403 origin, 413 size, 401 auth, 429 rate limit, 500) answered as
// JSON-RPC errors, the shape MCP clients parse on any status. -32000 is the code the SDK uses for
// the same refusals. `id` is the request's id when it is known (it was read before refusing).
export function jsonRpcErrorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
  id: string | number | null = null,
): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id },
    { status, headers: { ...headers, "Content-Type": "application/json" } },
  );
}
