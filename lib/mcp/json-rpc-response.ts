// Transport-level refusals (403 origin, 413 size, 401 auth, 500) answered as JSON-RPC errors, the
// shape MCP clients parse on any status. -32000 is the code the SDK uses for the same refusals.
export function jsonRpcErrorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id: null },
    { status, headers: { ...headers, "Content-Type": "application/json" } },
  );
}
