// The studio's own MCP server (Streamable HTTP, both protocol eras): /mcp/{org}. Its tools do what
// the calling member may do in the studio (lib/studio-mcp). Project endpoints live one level down,
// /mcp/{org}/{project}[/draft], and never reach this route.
import { preflightResponse } from "@/lib/mcp/request-guards";
import { studioMcpRoute } from "@/lib/studio-mcp/serve-studio";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = studioMcpRoute();
export const GET = POST;
export const DELETE = POST;
export const OPTIONS = preflightResponse;
