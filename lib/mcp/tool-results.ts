// Shapes of tools/call results. Failures the model can act on are results with `isError: true`
// (never JSON-RPC errors): the same `{ error: { code, message, path? } }` object is sent as
// structuredContent and as JSON text, so hosts that read only text see it too (SPEC §2).
import type { CallToolResult } from "@modelcontextprotocol/server";

export type ToolError = { code: string; message: string; path?: string };

export function toolErrorResult(error: ToolError): CallToolResult {
  return {
    isError: true,
    content: [{ type: "text", text: JSON.stringify({ error }) }],
    structuredContent: { error },
  };
}

/**
 * What a client receives for a result of a tool that declares an `outputSchema`: an error result
 * carries its `{ error }` object in the text content only. SDK v1 clients (many hosts, mcp-remote)
 * and MCP Inspector's CLI validate structuredContent against the outputSchema even on `isError`
 * results and throw "Structured content does not match the tool's output schema", so the model
 * would never see the actionable message; the SDK v2's own McpServer sends errors without it too.
 */
export function resultForClients(result: CallToolResult, outputSchema: unknown): CallToolResult {
  if (!result.isError || !outputSchema || result.structuredContent === undefined) return result;
  const { structuredContent: _omitted, ...rest } = result;
  return rest;
}

/**
 * MCP requires structuredContent to be a JSON object, so any other output (string, number, array,
 * null) is wrapped as `{ result: output }` — the same wrap the SDK applies for 2025-era clients,
 * done here once so both eras and the outputSchema check see the same value.
 */
export function toStructuredContent(output: unknown): Record<string, unknown> {
  return isJsonObject(output) ? output : { result: output };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
