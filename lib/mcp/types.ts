// What an MCP endpoint serves, independent of where it came from: the draft (live rows) or a
// published package (pinned snapshot). Both endpoints build the same server from this shape.
import type { PresentedTool } from "@/lib/tools/present-tool";
import type { LogEntry } from "@/lib/sandbox";
import type { ServedPrompt } from "@/lib/prompts/render-prompt";
import type { ServedResource } from "@/lib/resources/read-resource";

export type McpEnvironment = "draft" | "production";

/**
 * Who is calling an MCP endpoint, as the auth wrappers (with-draft-token.ts, with-production-auth.ts)
 * established it. Execution records, rate limits (per credential / per IP) and authInfo read this.
 */
export type McpCaller =
  | { kind: "anonymous" }
  | { kind: "draft_token" }
  | { kind: "production_token"; tokenId: string; name: string }
  | { kind: "oauth"; grantId: string; userId: string; clientName: string }
  /** The studio's test panel, as the signed-in member (lib/test-panel-credentials). */
  | { kind: "test_panel"; credentialId: string; userId: string };

export type ServedTool = Pick<
  PresentedTool,
  | "name"
  | "kind"
  | "title"
  | "description"
  | "inputSchema"
  | "outputSchema"
  | "annotations"
  | "handler"
  | "component"
  | "allowedComponents"
  | "allowedDomains"
  | "timeoutMs"
  | "memoryMb"
> & {
  /** Absent in packages published before visibility existed: both. */
  visibility?: ToolVisibility[];
  /**
   * The draft tool row whose secrets the handler gets (secrets are live on both endpoints). In
   * production it is the draft tool with the same name, or null when that tool was deleted from
   * the draft: the published tool then runs with no secrets and no allowed domains.
   */
  id: string | null;
  /** Names of that row's secrets: a tool without any is called without a secrets query. */
  secretNames: string[];
};

export type ComponentCsp = {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
};

export type ServedComponent = {
  name: string;
  /** The served document: as written (html) or compiled at save (tsx). */
  html: string;
  csp: ComponentCsp;
  /** Absent in packages published before TSX components existed: "html". */
  kind?: "html" | "tsx";
  title?: string;
  description?: string;
  /** Absent: true (`_meta.ui.prefersBorder`). */
  prefersBorder?: boolean;
};

/** MCP Apps tool visibility: who may call the tool, the model, the view (app) or both. */
export type ToolVisibility = "model" | "app";

export type ServedSnapshot = {
  projectId: string;
  organizationId: string;
  name: string;
  instructions: string;
  tools: ServedTool[];
  components: ServedComponent[];
  /** Prompts (lib/prompts); absent means none. */
  prompts?: ServedPrompt[];
  /** Static resources and resource templates (lib/resources); absent means none. */
  resources?: ServedResource[];
};

/** Everything one request's server needs besides the snapshot. */
export type ServeContext = {
  projectSlug: string;
  environment: McpEnvironment;
  /** serverInfo.version: "draft" on the draft endpoint, the package version in production. */
  version: string;
  /** The caller's preferred locale (first Accept-Language tag), handed to handlers as env.locale. */
  locale: string;
  /** Who called (see McpCaller). */
  caller: McpCaller;
  /** The caller's IP address (lib/rate-limit/client-ip.ts: the last X-Forwarded-For hop), if any. */
  clientIp: string | null;
  /** Receives one record per tools/call (the execution recorder plugs in here). */
  onToolCall?: (record: ToolCallRecord) => void | Promise<void>;
  /** The MCP host, as serveProject reads it from the request (see McpClientInfo). */
  client?: McpClientInfo | null;
};

/**
 * What happened in one tools/call, for the execution record (SPEC §9). `errorType` follows the
 * spec's vocabulary; `errorCode` is the precise reason that also appears in the result.
 */
export type ToolCallRecord = {
  toolName: string;
  toolId: string | null;
  environment: McpEnvironment;
  status: "success" | "error";
  /** rate_limited: refused before it ran (serve-project.ts); auth: a missing or refused credential (record-refused-call.ts); cancelled: the client cancelled it. */
  errorType?: "validation" | "runtime" | "timeout" | "rate_limited" | "auth" | "cancelled";
  errorCode?: string;
  durationMs: number;
  logs: LogEntry[];
  arguments: unknown;
  /** When the call started (the execution's time). */
  startedAt?: Date;
  /** The result sent to the host (secrets already redacted); absent when the call never ran. */
  output?: unknown;
  /** The MCP host that called, when known. */
  client?: McpClientInfo | null;
};

/**
 * The calling host's name and version. A 2026-07-28 request carries it in its per-request `_meta`
 * envelope (`io.modelcontextprotocol/clientInfo`, which the SDK hands handlers as
 * `ctx.mcpReq.envelope`); a 2025-era client sends it only in `initialize`, which stateless serving
 * never sees on the same server as a later tools/call, so for those the User-Agent's first
 * product token (`name/version`) stands in.
 */
export type McpClientInfo = { name: string; version: string | null };
