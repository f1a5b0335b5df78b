// A real MCP client (SDK v2) talking to the project's draft endpoint from the browser, exactly as
// a host would: Streamable HTTP, the draft token as a bearer token. Same-origin requests carry
// this origin, which the endpoint's Origin check accepts. The SDK is fetched on first use (the
// first Run), not with the page: it is no part of what the tool editor needs to be interactive.
import type { CallToolRequest, CallToolResult, Client, ReadResourceResult } from "@modelcontextprotocol/client";

const sdk = () => import("@modelcontextprotocol/client");
const appBridge = () => import("@modelcontextprotocol/ext-apps/app-bridge");

const EXTENSION_ID = "io.modelcontextprotocol/ui";

export type DraftConnection = { client: Client; token: string };

export class DraftTokenRefusedError extends Error {
  constructor() {
    super("The draft endpoint refused the test panel's credential (expired, or your role changed).");
    this.name = "DraftTokenRefusedError";
  }
}

export function draftEndpointUrl(org: string, project: string): URL {
  return new URL(`${window.location.origin}/mcp/${encodeURIComponent(org)}/${encodeURIComponent(project)}/draft`);
}

async function isUnauthorized(error: unknown): Promise<boolean> {
  const { SdkHttpError } = await sdk();
  return (error instanceof SdkHttpError && error.status === 401) || (error instanceof Error && error.name === "UnauthorizedError");
}

/** Runs an SDK call, turning a 401 into DraftTokenRefusedError and anything else into words. */
export async function withDraftErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (await isUnauthorized(error)) throw new DraftTokenRefusedError();
    if (error instanceof TypeError) throw new Error("Could not reach the draft endpoint. Check your connection and try again.");
    throw error instanceof Error ? error : new Error(String(error));
  }
}

export async function connectDraft(org: string, project: string, token: string): Promise<DraftConnection> {
  // Pinned to the 2026-07-28 revision: every request then carries the client info, so the test
  // panel's calls are recorded on the Executions page as "atelier-test-panel 1.0.0", not as the browser.
  // It declares the MCP Apps extension like any host that renders components, so app-only tools
  // are listed for it (their views call them) with their visibility.
  const [{ Client, StreamableHTTPClientTransport }, { RESOURCE_MIME_TYPE }] = await Promise.all([sdk(), appBridge()]);
  const client = new Client(
    { name: "atelier-test-panel", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: "2026-07-28" } },
      capabilities: { extensions: { [EXTENSION_ID]: { mimeTypes: [RESOURCE_MIME_TYPE] } } },
    },
  );
  const transport = new StreamableHTTPClientTransport(draftEndpointUrl(org, project), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await withDraftErrors(() => client.connect(transport));
  return { client, token };
}

export type ToolRun = { result: CallToolResult; durationMs: number };

/** tools/call, timed on this side: what a host waits, network included. */
export async function runTool(
  connection: DraftConnection,
  name: string,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<ToolRun> {
  const startedAt = performance.now();
  const result = await withDraftErrors(() => connection.client.callTool({ name, arguments: args }, { signal }));
  return { result: result as CallToolResult, durationMs: Math.round(performance.now() - startedAt) };
}

export type ComponentDocument = { uri: string; html: string; csp: Record<string, string[] | undefined> };

/** The MCP Apps resource a UI Tool names in tools/list (`_meta.ui.resourceUri`), read like a host does. */
export async function readToolComponent(connection: DraftConnection, toolName: string): Promise<ComponentDocument | null> {
  const { tools } = await withDraftErrors(() => connection.client.listTools());
  const uri = (tools.find((tool) => tool.name === toolName)?._meta as { ui?: { resourceUri?: string } } | undefined)?.ui?.resourceUri;
  if (!uri) return null;
  const { contents } = await withDraftErrors(() => connection.client.readResource({ uri }));
  const document = contents.find((content) => "text" in content);
  if (!document || !("text" in document)) return null;
  const csp = (document._meta as { ui?: { csp?: ComponentDocument["csp"] } } | undefined)?.ui?.csp ?? {};
  return { uri, html: document.text, csp };
}

/**
 * A view's tools/call, as a host serves it: through the same MCP client as the panel's own
 * calls, refused for tools the view may not call (MCP Apps visibility without "app").
 */
export async function callToolFromView(connection: DraftConnection, params: CallToolRequest["params"]): Promise<CallToolResult> {
  const { tools } = await withDraftErrors(() => connection.client.listTools());
  const tool = tools.find((candidate) => candidate.name === params.name);
  if (!tool) throw new Error(`Unknown tool: ${params.name}`);
  if ((await appBridge()).isToolVisibilityModelOnly(tool))
    throw new Error(`${params.name} is visible to the model only: views cannot call it`);
  return (await withDraftErrors(() => connection.client.callTool(params))) as CallToolResult;
}

export async function readResourceFromView(connection: DraftConnection, uri: string): Promise<ReadResourceResult> {
  return withDraftErrors(() => connection.client.readResource({ uri }));
}
