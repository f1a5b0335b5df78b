// The MCP server of one project, built per request from a snapshot (the draft's live rows now,
// a published package for production) so every request sees exactly one consistent revision.
//
// It uses the SDK's low-level `Server` with request handlers rather than `McpServer.registerTool`:
// tool schemas here are user-authored JSON Schema, not zod, and the answers have to be ours —
// validation errors with a JSON Pointer path, the UI allowlist, sandbox failures as `isError`
// results — which McpServer's built-in validation would replace with its own messages.
import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError, Server, type Tool } from "@modelcontextprotocol/server";
import { beginActivity } from "@/lib/process/lifecycle";
import type { McpEventListener } from "@/lib/sandbox";
import { cancelCall, watchCancellation } from "./call-cancellation";
import { argumentsTooDeep, callTool, reportToolCall } from "./call-tool";
import { callBinding, handlerChannel, inputRequiredResult } from "./handler-notifications";
import { listProjectResources, PROMPT_CAPABILITIES, readProjectResource, registerPrompts } from "./prompts-and-resources";
import { componentUri } from "./component-uri";
import { describeComponent, MCP_APP_MIME_TYPE, readComponent } from "./component-resources";
import { resultForClients, toolErrorResult } from "./tool-results";
import type { ServeContext, ServedSnapshot, ServedTool, ToolCallRecord, ToolVisibility } from "./types";

/** The MCP Apps extension, advertised in the server's capabilities (ext-apps EXTENSION_ID). */
export const MCP_APPS_EXTENSION = "io.modelcontextprotocol/ui";
const CLIENT_CAPABILITIES_META_KEY = "io.modelcontextprotocol/clientCapabilities";
const BOTH: ToolVisibility[] = ["model", "app"];

export function createProjectServer(snapshot: ServedSnapshot, context: ServeContext): Server {
  const server = new Server(
    { name: snapshot.name, version: context.version },
    {
      capabilities: {
        // list-changed.ts: 2026-07-28 clients hear about saves (draft) and publish/rollback (production).
        tools: { listChanged: true },
        resources: { listChanged: true },
        ...PROMPT_CAPABILITIES,
        extensions: { [MCP_APPS_EXTENSION]: { mimeTypes: [MCP_APP_MIME_TYPE] } },
      },
      ...(snapshot.instructions.trim() ? { instructions: snapshot.instructions } : {}),
    },
  );
  const toolsByName = new Map(snapshot.tools.map((tool) => [tool.name, tool]));

  // App-only tools (visibility ["app"]) exist for views to call. A host that renders MCP Apps gets
  // them with their visibility and keeps them from its model (the spec's rule); a client that
  // declares on its request that it does not render MCP Apps gets a list without them, since
  // everything it lists goes to a model. 2025-era requests carry no capabilities: listed.
  server.setRequestHandler("tools/list", (_request, ctx) => {
    const hideAppOnly = declaresNoMcpApps(ctx.mcpReq.envelope as Record<string, unknown> | undefined);
    return {
      tools: snapshot.tools.filter((tool) => !(hideAppOnly && isAppOnly(tool))).map((tool) => describeTool(tool, context.projectSlug)),
    };
  });

  server.setRequestHandler("tools/call", async (request, ctx) => {
    const tool = toolsByName.get(request.params.name);
    // Unknown tool is a protocol error (the caller named something that does not exist), not a tool failure.
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    // Until its record is handed over, a graceful shutdown waits for this call (lib/process/lifecycle.ts).
    const done = beginActivity();
    let outcome: Awaited<ReturnType<typeof callToolSafely>>;
    // Arguments too deep to serialize bind nothing: callTool refuses them (recorded) before anything runs.
    const binding = argumentsTooDeep(request.params.arguments)
      ? ""
      : callBinding(snapshot.projectId, context.environment, tool.name, request.params.arguments);
    const channel = handlerChannel(ctx, binding);
    // The client's cancellation, in either era, stops the handler (call-cancellation.ts).
    const cancellation = watchCancellation({ ...context, projectId: snapshot.projectId }, ctx.mcpReq);
    try {
      outcome = await callToolSafely(snapshot, tool, request.params.arguments, context, channel.listener, cancellation.signal);
      // Stopped at mcp.elicit / mcp.sample without an answer: recorded as such, answered below.
      if (channel.pending.length > 0) outcome = { ...outcome, record: { ...outcome.record, errorCode: "input_required" } };
      await reportToolCall(context, { ...outcome.record, client: context.client ?? null });
    } finally {
      cancellation.release();
      done();
    }
    if (channel.pending.length > 0) return inputRequiredResult(ctx, channel, binding);
    const { result, record } = outcome;
    const projected = server.projectCallToolResult(resultForClients(result, tool.outputSchema), tool.outputSchema ?? undefined);
    // The draft endpoint hands the handler's console output (secrets already redacted) to the
    // studio's test panel; production keeps logs in the execution record only.
    if (context.environment !== "draft" || record.logs.length === 0) return projected;
    return { ...projected, _meta: { ...projected._meta, "atelier/logs": record.logs } };
  });

  // 2025-era cancellation arrives as its own POST, served by another instance than the call's.
  server.setNotificationHandler("notifications/cancelled", (notification) => {
    cancelCall({ ...context, projectId: snapshot.projectId }, notification.params);
  });

  server.setRequestHandler("resources/list", () => ({
    resources: [
      ...snapshot.components.map((component) => describeComponent(component, context.projectSlug)),
      ...listProjectResources(snapshot),
    ],
  }));

  server.setRequestHandler("resources/read", async (request, ctx) => {
    const contents = await readComponent(snapshot.components, request.params.uri, context.projectSlug);
    if (contents) return { contents: [contents] };
    const project = await readProjectResource(snapshot, request.params.uri, context, ctx);
    if (!project) throw new ResourceNotFoundError(request.params.uri);
    return project;
  });

  registerPrompts(server, snapshot, context);

  return server;
}

function isAppOnly(tool: ServedTool): boolean {
  const visibility = tool.visibility ?? BOTH;
  return !visibility.includes("model");
}

/** From a 2026-07-28 request's envelope (the SDK lifts it off `_meta` before the handler runs). */
function declaresNoMcpApps(envelope: Record<string, unknown> | undefined): boolean {
  const capabilities = envelope?.[CLIENT_CAPABILITIES_META_KEY] as { extensions?: Record<string, unknown> } | undefined;
  if (!capabilities || typeof capabilities !== "object") return false;
  return !capabilities.extensions?.[MCP_APPS_EXTENSION];
}

/**
 * MCP Apps metadata: `_meta.ui.resourceUri` and, for hosts that still read it, the flat
 * `_meta["ui/resourceUri"]`; `_meta.ui.visibility` when it is not the default (both).
 */
function toolMeta(tool: ServedTool, projectSlug: string): Tool["_meta"] | undefined {
  const resourceUri = tool.kind === "ui" && tool.component ? componentUri(projectSlug, tool.component) : null;
  const visibility = tool.visibility ?? BOTH;
  const custom = visibility.length !== BOTH.length;
  if (!resourceUri && !custom) return undefined;
  return {
    ui: { ...(resourceUri ? { resourceUri } : {}), ...(custom ? { visibility } : {}) },
    ...(resourceUri ? { "ui/resourceUri": resourceUri } : {}),
  };
}

function describeTool(tool: ServedTool, projectSlug: string): Tool {
  const meta = toolMeta(tool, projectSlug);
  return {
    name: tool.name,
    ...(tool.title ? { title: tool.title } : {}),
    description: tool.description,
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Tool["outputSchema"] } : {}),
    annotations: tool.annotations,
    ...(meta ? { _meta: meta } : {}),
  };
}

// callTool turns everything a handler or caller does into a result; what is left (the database
// failing while secrets load, a bug here) must still not become a 500 or leak a stack trace.
async function callToolSafely(
  snapshot: ServedSnapshot,
  tool: ServedTool,
  args: Record<string, unknown> | undefined,
  context: ServeContext,
  onMcpEvent?: McpEventListener,
  signal?: AbortSignal,
) {
  const startedAt = new Date();
  const started = performance.now();
  try {
    return await callTool({ snapshot, tool, arguments: args, context, onMcpEvent, signal });
  } catch (error) {
    console.error(`[mcp] tools/call ${tool.name} failed`, error);
    const record: ToolCallRecord = {
      toolName: tool.name,
      toolId: tool.id,
      environment: context.environment,
      status: "error",
      errorType: "runtime",
      errorCode: "internal_error",
      durationMs: Math.round(performance.now() - started),
      logs: [],
      arguments: args ?? {},
      startedAt,
    };
    const message = "The tool could not run because of a problem on the server. Try again in a moment.";
    const result = toolErrorResult({ code: "internal_error", message });
    return { result, record: { ...record, output: result } };
  }
}
